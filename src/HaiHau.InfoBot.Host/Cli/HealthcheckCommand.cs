using System.CommandLine;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "healthcheck URL": exit 0 when GET URL answers 200, else 1. For the container's HEALTHCHECK (deploy/Dockerfile),
/// whose runtime image has no curl.
/// </summary>
public static class HealthcheckCommand
{
    public static Command Create(TextWriter error)
    {
        // A string, not a Uri: System.CommandLine has no Uri parser, and every call failed before it asked anything.
        var url = new Argument<string>("url") { Description = "The health address, e.g. http://localhost:8080/health/live" };
        var command = new Command("healthcheck", "GET the health address; exit code 0 when it answers 200.") { url };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                await error.WriteLineAsync("health check failed: not an absolute URL");
                return 1;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(address, ct);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await error.WriteLineAsync("health check failed: " + ex.Message);
                return 1;
            }
        });
        return command;
    }
}
