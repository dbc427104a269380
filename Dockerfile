# handout in a container: a static binary on a distroless base, run as a
# user without rights, in /site (mount the library's folder there):
#
#   docker build -t handout --build-arg VERSION="$(git describe --tags --always)" .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD":/site handout build
#
# See README.md, "Install". A test (scripts/release, TestDockerfile) holds
# this file to its rules: pinned bases, the Go version of go.mod, a static
# binary, a user that is not root, handout as the entrypoint.

# The build: Go as go.mod asks for it, pinned to the patch release.
FROM docker.io/library/golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# What `handout version` prints; scripts/release stamps the same way.
ARG VERSION=""
ARG REVISION=""
ARG REVISION_TIME=""
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w \
        -X github.com/handout-health/handout/generator/version.version=${VERSION} \
        -X github.com/handout-health/handout/generator/version.revision=${REVISION} \
        -X github.com/handout-health/handout/generator/version.revisionTime=${REVISION_TIME}" \
      -o /out/handout ./cmd/handout

# The image: no shell, no package manager, only CA certificates, time
# zones and the program, run as "nonroot" (uid 65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/handout /usr/local/bin/handout
WORKDIR /site
USER nonroot:nonroot
# handout serve --bind 0.0.0.0 (publish it as -p 1313:1313: the preview
# answers only at the port it listens on).
EXPOSE 1313
ENTRYPOINT ["handout"]
CMD ["build"]
