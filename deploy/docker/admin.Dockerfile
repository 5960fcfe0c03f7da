# syntax=docker/dockerfile:1
# The admin image: pwsh, the Starmap module and deploy/Sync-Starmap.ps1, run by compose's sync service
# (sync-loop.sh) and by the Kubernetes CronJob. Build it from the repository root:
#   docker build -f deploy/docker/admin.Dockerfile -t starmap-admin:0.1.0 .
# It needs no provider keys: a sync runs in the silo, with the silo's keys.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json dotnet-tools.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY module/ module/
COPY build/ build/
RUN build/module.sh

# The SDK image is also the runtime: it ships pwsh on .NET 10 (the module's Engine targets net10.0).
FROM mcr.microsoft.com/dotnet/sdk:10.0
COPY --from=build /src/artifacts/module/Starmap /usr/local/share/powershell/Modules/Starmap
COPY deploy/Sync-Starmap.ps1 deploy/docker/sync-loop.sh /opt/starmap/
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    POWERSHELL_TELEMETRY_OPTOUT=1
USER $APP_UID
CMD ["/usr/bin/pwsh", "-NoProfile", "-NonInteractive", "-File", "/opt/starmap/Sync-Starmap.ps1"]
