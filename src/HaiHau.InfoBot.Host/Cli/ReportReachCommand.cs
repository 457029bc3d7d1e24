using System.CommandLine;
using System.Text.Json;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "report reach --from 2022-01-01 --to 2022-12-31 --format csv|json|xlsx [--year 2022] [--commune …] [--output FILE]":
/// the reach indicator, as the console's page and API compute it. CSV and JSON go to standard output unless --output;
/// XLSX always goes to a file (default tiep-can-FROM-TO.xlsx).
/// </summary>
public static class ReportReachCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese stays readable
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd (Vietnam time).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (included).", Required = true };
        var format = new Option<string>("--format") { Description = "csv, json or xlsx.", DefaultValueFactory = _ => "csv" };
        var year = new Option<int?>("--year") { Description = "The household list's year (default: the year of --from)." };
        var commune = new Option<string?>("--commune") { Description = "One commune only (code or name)." };
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("reach", "The share of poor and near-poor register households reached, per commune, against the plan's target.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in new Option[] { from, to, format, year, commune, file })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format);
            if (kind is not ("csv" or "json" or "xlsx"))
            {
                await error.WriteLineAsync("--format must be csv, json or xlsx.");
                return 1;
            }

            using var host = await VerbHost.StartAsync([.. parse.UnmatchedTokens], s => s.AddInfoBotReach(), ct);
            try
            {
                var content = host.Services.GetRequiredService<IContentStore>();
                string? scope = null;
                if (parse.GetValue(commune) is { Length: > 0 } name && (scope = content.FindCommune(name)?.Code) is null)
                {
                    await error.WriteLineAsync($"Không tìm thấy xã, thị trấn «{name}».");
                    return 1;
                }

                var (query, problem) = ReachApi.Parse(parse.GetValue(from), parse.GetValue(to), parse.GetValue(year), scope);
                if (query is null)
                {
                    await error.WriteLineAsync(problem);
                    return 1;
                }

                var result = await host.Services.GetRequiredService<ReachReport>().RunAsync(query, content.Communes.Select(c => c.Code).ToList(), ct);
                var presenter = host.Services.GetRequiredService<ReachPresenter>();
                var target = parse.GetValue(file);
                if (kind == "xlsx")
                {
                    target ??= new FileInfo($"tiep-can-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.xlsx");
                    await File.WriteAllBytesAsync(target.FullName, presenter.Xlsx(result), ct);
                    await output.WriteLineAsync($"Đã ghi {target.FullName}");
                    return 0;
                }

                var text = kind == "csv" ? presenter.Csv(result) : JsonSerializer.Serialize(presenter.Json(result), Json);
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
        return new Command("report", "Reports over the bot's database.") { command };
    }
}
