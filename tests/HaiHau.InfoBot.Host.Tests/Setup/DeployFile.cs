using System.Text.Json;
using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Host.Tests.Setup;

/// <summary>Reads what deploy/Dockerfile and deploy/infobot.service say, so tests run the host as those files would.</summary>
internal static partial class DeployFile
{
    /// <summary>The NAME=value pairs of the ENV instructions (with their line continuations), quotes removed.</summary>
    public static IEnumerable<KeyValuePair<string, string>> DockerEnvironment(IReadOnlyList<string> lines) =>
        Instructions(lines, "ENV").SelectMany(e => Pair().Matches(e).Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value.Trim('"'))));

    /// <summary>The exec-form array of an instruction (ENTRYPOINT, or HEALTHCHECK's CMD).</summary>
    public static IReadOnlyList<string> DockerArray(IReadOnlyList<string> lines, string instruction)
    {
        var text = Instructions(lines, instruction).Single();
        return JsonSerializer.Deserialize<string[]>(text[text.IndexOf('[', StringComparison.Ordinal)..])!;
    }

    /// <summary>The Environment= lines of a systemd unit.</summary>
    public static IEnumerable<KeyValuePair<string, string>> UnitEnvironment(IReadOnlyList<string> lines) =>
        lines.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Trim('"'))
            .Select(l => KeyValuePair.Create(l[..l.IndexOf('=', StringComparison.Ordinal)], l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]));

    public static string UnitValue(IReadOnlyList<string> lines, string key) =>
        lines.Single(l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    private static IEnumerable<string> Instructions(IReadOnlyList<string> lines, string instruction)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith(instruction + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var text = lines[i][(instruction.Length + 1)..];
            while (text.EndsWith('\\') && i + 1 < lines.Count)
            {
                text = text[..^1] + " " + lines[++i].Trim();
            }

            yield return text;
        }
    }

    [GeneratedRegex("""(\w+)=("[^"]*"|\S+)""")]
    private static partial Regex Pair();
}
