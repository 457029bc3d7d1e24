using System.CommandLine;
using HaiHau.InfoBot.Host.Register;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "import households FILE --year 2022 [--commune …] [--accept-valid]": loads a commune's (or the district's) list of
/// poor and near-poor households from CSV or XLSX. Exit code 0 when applied, 1 when nothing was written.
/// </summary>
public static class ImportHouseholdsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The list, .csv (UTF-8) or .xlsx, from the template in content/samples/." };
        var year = new Option<int>("--year") { Description = "The year of the list (the yearly review's result), e.g. 2022.", Required = true };
        var commune = new Option<string?>("--commune") { Description = "Refuse rows of any other commune (code or name)." };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Apply the valid rows even when some rows are refused." };
        var command = new Command("households", "Import the list of poor and near-poor households (upsert by household code + year).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(file);
        command.Options.Add(year);
        command.Options.Add(commune);
        command.Options.Add(acceptValid);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"Không thấy tệp {path.FullName}.");
                return 1;
            }

            using var host = await VerbHost.StartAsync([.. parse.UnmatchedTokens], s => s.AddInfoBotRegister(), ct);
            try
            {
                var content = host.Services.GetRequiredService<Core.Content.IContentStore>();
                string? scope = null;
                if (parse.GetValue(commune) is { Length: > 0 } name)
                {
                    scope = content.FindCommune(name)?.Code;
                    if (scope is null)
                    {
                        await error.WriteLineAsync($"Không tìm thấy xã, thị trấn «{name}».");
                        return 1;
                    }
                }

                IReadOnlyList<HouseholdRow> rows;
                IReadOnlyList<string> problems;
                await using (var stream = path.OpenRead())
                {
                    (rows, problems) = HouseholdFileReader.Read(stream, path.Name);
                }

                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                    {
                        await error.WriteLineAsync(problem);
                    }

                    return 1;
                }

                var by = new AuditEntry("cli", $"cli:{Environment.UserName}", AuditActions.HouseholdsImported);
                var request = new ImportRequest(parse.GetValue(year), path.Name, scope, parse.GetValue(acceptValid), by);
                var report = await host.Services.GetRequiredService<HouseholdImporter>().ImportAsync(rows, request, ct);
                await output.WriteLineAsync(ImportReportText.Summary(report, request.Year));
                foreach (var row in report.Rejected)
                {
                    await output.WriteLineAsync(ImportReportText.Row(row));
                }

                if (!report.Applied)
                {
                    await output.WriteLineAsync("Tệp có dòng bị từ chối nên chưa nhập dòng nào. Sửa tệp rồi nhập lại, hoặc thêm --accept-valid để nhập các dòng hợp lệ.");
                    return 1;
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
