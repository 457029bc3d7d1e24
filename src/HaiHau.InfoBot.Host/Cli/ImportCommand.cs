using System.CommandLine;
using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "import jobs FILE" / "import courses FILE": loads listings from a CSV or XLSX file made from the template in
/// content/samples. Every bad row is reported (row, column, reason, in Vietnamese); with any bad row nothing is
/// written unless --accept-valid. Rows are upserted by their code, so importing the same file twice changes nothing.
/// A running bot picks the new listings up within its refresh interval.
/// </summary>
public static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var import = new Command("import", "Load job listings, vocational courses or the household register from a CSV/XLSX file (templates: content/samples/README.md).");
        import.Subcommands.Add(Kind("jobs", ListingKind.Job, "Import job listings (Mã tin, Tiêu đề, Nơi tuyển dụng, … Hạn nộp hồ sơ).", output, error));
        import.Subcommands.Add(Kind("courses", ListingKind.Course, "Import vocational courses (Mã khóa học, Tên khóa học, Cơ sở đào tạo, … Hạn đăng ký).", output, error));
        import.Subcommands.Add(ImportHouseholdsCommand.Create(output, error));
        return import;
    }

    private static Command Kind(string name, ListingKind kind, string description, TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The .csv or .xlsx file." };
        var acceptValid = new Option<bool>("--accept-valid") { Description = "Import the good rows even when some rows have problems (they are listed and skipped)." };
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.Arguments.Add(file);
        command.Options.Add(acceptValid);
        command.SetAction(async (parse, ct) =>
        {
            var configuration = CliConfiguration.Build(parse);
            var data = InfoBotServices.LoadBotData(configuration.GetSection(InfoBotOptions.Section).Get<InfoBotOptions>() ?? new InfoBotOptions());
            if (!data.IsValid)
            {
                await error.WriteLineAsync("Dữ liệu nội dung có lỗi, chạy «validate» để xem.");
                return 1;
            }

            RawTable table;
            try
            {
                table = ListingFileReader.Read(parse.GetValue(file)!);
            }
            catch (InvalidDataException ex)
            {
                await error.WriteLineAsync(ex.Message);
                if (!Path.IsPathRooted(parse.GetValue(file)!) && !File.Exists(parse.GetValue(file)!))
                {
                    // `dotnet run --project` starts in the project folder, where the README's path is not.
                    await error.WriteLineAsync($"Đường dẫn tương đối được đọc từ {Directory.GetCurrentDirectory()}; bác ghi đường dẫn đầy đủ, ví dụ \"$PWD/content/samples/jobs.csv\".");
                }

                return 1;
            }

            var time = TimeProvider.System;
            var check = ListingImport.Check(kind, table, data.Content, PovertyRuleSets.LocalDay(time.GetUtcNow()));
            foreach (var problem in check.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            if (check.FileProblem || (check.Problems.Count > 0 && !parse.GetValue(acceptValid)))
            {
                await error.WriteLineAsync(check.FileProblem
                    ? "Không nhập dòng nào: dòng tiêu đề chưa đúng mẫu."
                    : $"Không nhập dòng nào: {check.Problems.Select(p => p.Line).Distinct().Count()} dòng có lỗi. Sửa tệp rồi nhập lại, hoặc thêm --accept-valid để chỉ nhập {check.Valid.Count} dòng đúng.");
                return 1;
            }

            var skipped = check.Problems.Select(p => p.Line).Distinct().Count();
            var fileName = Path.GetFileName(parse.GetValue(file)!);
            var counts = await UpsertAsync(configuration, kind, check.Valid, time, counts => new AuditEntry(
                "cli", $"cli:{Environment.UserName}", AuditActions.ListingsImported, "import", fileName,
                Details: $"{(kind == ListingKind.Job ? "việc làm" : "khóa học")}: {counts.Added} mới, {counts.Updated} cập nhật, {counts.Unchanged} không đổi, bỏ qua {skipped} dòng lỗi"), ct);
            await output.WriteLineAsync(
                $"Đã nhập {check.Valid.Count} dòng: {counts.Added} mới, {counts.Updated} cập nhật, {counts.Unchanged} không đổi"
                + (skipped > 0 ? $"; bỏ qua {skipped} dòng có lỗi." : "."));
            return 0;
        });
        return command;
    }

    /// <summary>Upserts, then writes the audit row <paramref name="audit"/> makes of the counts (an import from the CLI is audited as one from the console).</summary>
    private static async Task<UpsertCounts> UpsertAsync(
        IConfiguration configuration, ListingKind kind, IReadOnlyList<Listing> listings, TimeProvider time, Func<UpsertCounts, AuditEntry> audit, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        DatabaseSettings.Configure(options, configuration);
        var factory = new PooledDbContextFactory<InfoBotDbContext>(options.Options);
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await StorageSetup.MigrateAsync(db, ct); // importing before the first start of the bot works too
        }

        using var writes = SqliteWriteGate.For(DatabaseSettings.Provider(configuration));
        var counts = await new ListingStore(factory, writes, time).UpsertAsync(kind, listings, ct);
        await new AuditLog(factory, writes, time).AppendAsync(audit(counts), ct);
        return counts;
    }
}
