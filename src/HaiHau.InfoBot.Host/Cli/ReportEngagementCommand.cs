using System.CommandLine;
using System.Text.Json;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Host.Stats;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "report engagement --from 2026-11-01 --to 2026-11-30 --format json|csv|xlsx [--commune …] [--year …] [--output FILE]":
/// the «Thống kê» figures (<see cref="StatsService"/>), as the console's page and GET /api/admin/stats compute them.
/// JSON and CSV go to standard output unless --output; XLSX always goes to a file (default thong-ke-FROM-TO.xlsx).
/// </summary>
public static class ReportEngagementCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd (Vietnam time); default: the first of this month." };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (included)." };
        var format = new Option<string>("--format") { Description = "json, csv or xlsx.", DefaultValueFactory = _ => "json" };
        var commune = new Option<string?>("--commune") { Description = "One commune only (code or name)." };
        var year = new Option<int?>("--year") { Description = "The household list's year for reach (default: the year of --from)." };
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("engagement", "Residents, conversations, messages, questions, screener, registrations, announcements and reach for a period, compared with the previous one.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in new Option[] { from, to, format, commune, year, file })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("csv" or "json" or "xlsx"))
            {
                await error.WriteLineAsync("--format must be json, csv or xlsx.");
                return 1;
            }

            using var host = await VerbHost.StartAsync([.. parse.UnmatchedTokens], s => s.AddInfoBotReach().AddInfoBotStats(), ct);
            try
            {
                var content = host.Services.GetRequiredService<IContentStore>();
                var time = host.Services.GetRequiredService<TimeProvider>();
                var parsed = StatsApi.Parse(parse.GetValue(from), parse.GetValue(to), parse.GetValue(commune), parse.GetValue(year), null, content, StatsQuery.Today(time));
                if (parsed.Query is not { } query)
                {
                    await error.WriteLineAsync(parsed.Error);
                    return 1;
                }

                var report = await host.Services.GetRequiredService<StatsService>().RunAsync(query, ct);
                var target = parse.GetValue(file);
                if (kind == "xlsx")
                {
                    target ??= new FileInfo(StatsApi.FileName(query) + ".xlsx");
                    await File.WriteAllBytesAsync(target.FullName, StatsExports.Xlsx(report), ct);
                    await output.WriteLineAsync($"Đã ghi {target.FullName}");
                    return 0;
                }

                var text = kind == "csv" ? StatsExports.Csv(report) : JsonSerializer.Serialize(report, StatsApi.Json);
                if (target is null)
                {
                    await output.WriteAsync(text);
                }
                else
                {
                    await File.WriteAllTextAsync(target.FullName, text, ct);
                    await output.WriteLineAsync($"Đã ghi {target.FullName}");
                }

                return 0;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }
}
