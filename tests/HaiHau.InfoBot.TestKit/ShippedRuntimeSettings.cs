namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// The runtime's settings the shipped ways of running the host give it through the environment (DOTNET_… in
/// deploy/infobot.service; deploy/Dockerfile sets the same, DeployRuntimeSettingsTests checks that), so a benchmark that starts
/// the host as a process measures it as deployed. Some runtime knobs, such as when tier-1 call counting starts, are read
/// only from the environment, not from the runtimeconfig.
/// </summary>
public static class ShippedRuntimeSettings
{
    private const string Prefix = "Environment=DOTNET_";

    public static IReadOnlyDictionary<string, string> FromSystemdUnit() =>
        File.ReadLines(Path.Combine(RepoPaths.Root, "deploy", "infobot.service"))
            .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Trim('"'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
}
