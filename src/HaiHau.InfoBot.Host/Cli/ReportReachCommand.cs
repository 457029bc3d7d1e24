using System.CommandLine;
using System.Text.Json;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Reach;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "report reach --from 2022-01-01 --to 2022-12-31 --format csv|json|xlsx [--year 2022] [--commune …] [--output FILE]":
/// the reach indicator, as the console's page and API compute it. CSV and JSON go to standard output unless --output;
/// XLSX always goes to a file (default tiep-can-FROM-TO.xlsx). "report reach --rebuild" first recomputes the reach log
/// from the stored events (<see cref="ReachRebuild"/>: idempotent, audited); with no --from/--to it only rebuilds.
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
        var from = new Option<string>("--from") { Description = "First day, yyyy-MM-dd (Vietnam time)." };
        var to = new Option<string>("--to") { Description = "Last day, yyyy-MM-dd (included)." };
        var format = new Option<string>("--format") { Description = "csv, json or xlsx.", DefaultValueFactory = _ => "csv" };
        var year = new Option<int?>("--year") { Description = "The household list's year (default: the year of --from)." };
        var commune = new Option<string?>("--commune") { Description = "One commune only (code or name)." };
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file instead of standard output." };
        var byFormer = new Option<bool>("--by-former-unit") { Description = "Line an old list up by the units it named (a 2022 list by its old xã and thị trấn)." };
        var rebuild = new Option<bool>("--rebuild") { Description = "First recompute the reach log from the stored events (adds only what is missing)." };
        var command = new Command("reach", "The share of poor and near-poor register households reached, per commune, against the plan's target.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in new Option[] { from, to, format, year, commune, file, byFormer, rebuild })
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
                if (parse.GetValue(rebuild))
                {
                    var by = new AuditEntry("cli", $"cli:{Environment.UserName}", AuditActions.ReachRebuilt);
                    var rebuilt = await host.Services.GetRequiredService<ReachRebuild>().RunAsync(by, ct);
                    await error.WriteLineAsync($"Đã tính lại nhật ký tiếp cận: thêm {rebuilt.Added} dòng, {rebuilt.AlreadyCounted} dòng đã có.");
                    if (parse.GetValue(from) is null && parse.GetValue(to) is null)
                    {
                        return 0;
                    }
                }

                string? scope = null;
                if (parse.GetValue(commune) is { Length: > 0 } name && (scope = content.FindCommune(name)?.Code) is null)
                {
                    await error.WriteLineAsync($"Không tìm thấy xã, thị trấn «{name}».");
                    return 1;
                }

                var (query, problem) = ReachApi.Parse(parse.GetValue(from), parse.GetValue(to), parse.GetValue(year), scope, parse.GetValue(byFormer));
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
        return new Command("report", "Reports over the bot's database.") { command, ReportEngagementCommand.Create(output, error) };
    }
}
