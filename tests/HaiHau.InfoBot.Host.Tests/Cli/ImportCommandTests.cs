using HaiHau.InfoBot.Host.Cli;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Cli;

/// <summary>"import jobs|courses FILE" on a real SQLite file, and the bot showing what was imported.</summary>
public sealed class ImportCommandTests : HostTestBase
{
    private static readonly string Jobs = Path.Combine(RepoPaths.Content, "samples", "jobs.csv");
    private static readonly string Courses = Path.Combine(RepoPaths.Content, "samples", "courses.csv");

    [Fact]
    public async Task Imports_the_samples_and_a_second_import_changes_nothing()
    {
        var (code, first, _) = await RunAsync("import", "jobs", Jobs);
        var (_, second, _) = await RunAsync("import", "jobs", Jobs);
        var (courseCode, courses, _) = await RunAsync("import", "courses", Courses);

        Assert.Equal(0, code);
        Assert.Equal("Đã nhập 6 dòng: 6 mới, 0 cập nhật, 0 không đổi.", first.Trim());
        Assert.Equal("Đã nhập 6 dòng: 0 mới, 0 cập nhật, 6 không đổi.", second.Trim());
        Assert.Equal(0, courseCode);
        Assert.Equal("Đã nhập 5 dòng: 5 mới, 0 cập nhật, 0 không đổi.", courses.Trim());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_is_refused_whole_with_the_row_column_and_reason()
    {
        var file = BadFile();

        var (code, output, error) = await RunAsync("import", "jobs", file);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("Dòng 3, cột «Hạn nộp hồ sơ»: «30/02/2027» không phải ngày", error, StringComparison.Ordinal);
        Assert.Contains("Không nhập dòng nào: 1 dòng có lỗi.", error, StringComparison.Ordinal);
        Assert.Contains("--accept-valid", error, StringComparison.Ordinal);
        Assert.Equal(0, await CountJobsAsync());
    }

    [Fact]
    public async Task Accept_valid_imports_the_good_rows_and_lists_the_skipped_ones()
    {
        var (code, output, error) = await RunAsync("import", "jobs", BadFile(), "--accept-valid");

        Assert.Equal(0, code);
        Assert.Contains("Dòng 3, cột «Hạn nộp hồ sơ»", error, StringComparison.Ordinal);
        Assert.Equal("Đã nhập 1 dòng: 1 mới, 0 cập nhật, 0 không đổi; bỏ qua 1 dòng có lỗi.", output.Trim());
        Assert.Equal(1, await CountJobsAsync());
    }

    [Fact]
    public async Task A_missing_file_or_a_wrong_kind_of_file_gets_a_clear_message()
    {
        var (code, _, error) = await RunAsync("import", "courses", Path.Combine(Folder.Path, "khong-co.xlsx"));

        Assert.Equal(1, code);
        Assert.Contains("Không tìm thấy tệp", error, StringComparison.Ordinal);

        // A relative path is read from where the command runs, which `dotnet run --project` makes the project folder.
        (code, _, error) = await RunAsync("import", "jobs", "content/samples/khong-co.csv");
        Assert.Equal(1, code);
        Assert.Contains("Đường dẫn tương đối được đọc từ " + Directory.GetCurrentDirectory(), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_shows_listings_imported_before_it_started_and_never_the_expired_one()
    {
        await RunAsync("import", "jobs", Jobs);
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        await chat.SendAsync(id, choice: "viec-lam");

        var latest = await chat.SendAsync(id, choice: "moi-nhat");

        Assert.Contains("[Mẫu] Công nhân may công nghiệp", latest.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Phụ bếp", latest.AllText, StringComparison.Ordinal); // its deadline was 31/8/2022
        Assert.Contains("MAU-VL-001", latest.ChoiceIds);
    }

    private string BadFile()
    {
        var path = Path.Combine(Folder.Path, "viec-lam.csv");
        File.WriteAllLines(path,
        [
            "Mã tin,Tiêu đề,Nơi tuyển dụng,Xã/thị trấn,Địa điểm làm việc,Mức lương,Hạn nộp hồ sơ,Liên hệ,Nguồn",
            "VL-1,Công nhân may,Xưởng may,Hải Châu,,6 triệu đồng/tháng,31/12/2026,Chị Lan,Thông báo của xã",
            "VL-2,Thợ hàn,Xưởng tàu,Thịnh Long,,,30/02/2027,Anh Nam,Thông báo của xã",
        ]);
        return path;
    }

    private async Task<int> CountJobsAsync()
    {
        var options = new DbContextOptionsBuilder<InfoBotDbContext>();
        StorageSetup.Configure(options, Folder.SqliteConnectionString());
        await using var db = new InfoBotDbContext(options.Options);
        await StorageSetup.MigrateAsync(db, CancellationToken.None);
        return await db.JobListings.CountAsync();
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] settings = [$"--ConnectionStrings:InfoBot={Folder.SqliteConnectionString()}", $"--InfoBot:DialogsPath={RepoPaths.Dialogs}", $"--InfoBot:ContentPath={RepoPaths.Content}"];
        var parse = InfoBotCommandLine.Create(new StringReader(string.Empty), output, error).Parse([.. args, .. settings]);
        var code = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return (code, output.ToString(), error.ToString());
    }
}
