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
        var url = new Argument<Uri>("url") { Description = "The health address, e.g. http://localhost:8080/health" };
        var command = new Command("healthcheck", "GET the health address; exit code 0 when it answers 200.") { url };
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(parse.GetValue(url)!, ct);
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
