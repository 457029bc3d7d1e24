using System.Globalization;
using HaiHau.InfoBot.Host.Tests.Cli;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// Issue 13, "Done when": a staff member's month in a real browser. November 2026 is lived on the fake clock through
/// every channel's real entry: residents register and link to the commune's list on the web chat, Telegram (fake Bot
/// API) and Zalo (fake OA API), read an article, get an FAQ answer, run the screener, ask what the bot cannot answer,
/// and get an announcement (sent to Telegram and Zalo, read in the web chat). On 1/12 the staff member opens
/// «Thống kê» for November (charts and figures), teaches the unanswered question to a topic (the next resident who
/// asks gets an answer), downloads the monthly XLSX (numbers are numeric cells), and the reach figures on the page
/// equal the households this test saw reached, counted here from what each resident actually received.
/// </summary>
[Trait(BrowserSession.TraitName, BrowserSession.Category)]
[Scheduling.LongRunning(63)]
public sealed class StaffMonthTests(BrowserSession browser) : IClassFixture<BrowserSession>
{
    private const float Wait = BrowserSession.Timeout;
    private const string Email = "truyen-thong@haihau.test";
    private const string Password = "mat-khau-thang-11-2026";
    private const string Unanswered = HaiHau.InfoBot.Host.Tests.Unanswered.UnknownLoanQuestion.Text;
    private const string Folded = HaiHau.InfoBot.Host.Tests.Unanswered.UnknownLoanQuestion.Folded;
    private const string Announcement = "Xã thông báo: các thôn họp bình xét hộ nghèo, hộ cận nghèo trong tháng này; bác theo dõi loa của thôn để biết giờ họp.";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The 2026 list of three of today's communes (the other five have no list): code, commune as typed by a resident, head.</summary>
    private static readonly (string Code, string Commune, string Typed, string Category, string Head)[] List =
    [
        ("HT-01", "hai-tien", "hai tien", "nghèo", "Nguyễn Văn An"),
        ("HT-02", "hai-tien", "hai tien", "cận nghèo", "Trần Thị Bình"),
        ("HT-03", "hai-tien", "hai tien", "nghèo", "Lê Văn Cường"),
        ("HT-04", "hai-tien", "hai tien", "cận nghèo", "Phạm Thị Dung"),
        ("TH-01", "hai-thinh", "hai thinh", "nghèo", "Hoàng Văn Em"),
        ("TH-02", "hai-thinh", "hai thinh", "cận nghèo", "Vũ Thị Gấm"),
        ("TH-03", "hai-thinh", "hai thinh", "nghèo", "Đỗ Văn Hùng"),
        ("AN-01", "hai-anh", "hai anh", "nghèo", "Bùi Thị Khánh"),
        ("AN-02", "hai-anh", "hai anh", "cận nghèo", "Ngô Văn Long"),
    ];

    [Fact]
    public async Task A_staff_member_walks_through_the_month_dashboard_unanswered_loop_monthly_report_and_reach()
    {
        await using var bed = await StaffMonthBed.StartAsync(At(2026, 11, 2, 9));
        await ImportListAndStaffAsync(bed);
        var reached = new HashSet<string>(StringComparer.Ordinal); // household codes, from what residents were seen to receive

        // 2–6/11: residents register and link themselves to their household on each channel.
        var a = await RegisterOnWebAsync(bed, "HT-01");
        var b = await RegisterOnWebAsync(bed, "HT-02");
        await RegisterOnWebAsync(bed, "HT-03", announcements: false); // linked, never reached: wants no announcements and asks nothing
        bed.Time.Advance(TimeSpan.FromDays(1));
        var c = new FakeTelegramUser(510000001, "An");
        var d = new FakeTelegramUser(510000002, "Gấm");
        await RegisterOnTelegramAsync(bed, c, "TH-01");
        await RegisterOnTelegramAsync(bed, d, "TH-02");
        bed.Time.Advance(TimeSpan.FromDays(1));
        const string e = "7000000000000000001", f = "7000000000000000002";
        await RegisterOnZaloAsync(bed, e, "AN-01");
        await RegisterOnZaloAsync(bed, f, "AN-02");

        // 10/11: an article on the web, an FAQ answer on Telegram, the screener on Zalo.
        bed.Time.Advance(TimeSpan.FromDays(4));
        await bed.Web.SendAsync(a, text: "menu");
        await ChooseOnWebAsync(bed, a, "Bảo hiểm y tế");
        if ((await ChooseOnWebAsync(bed, a, "Hộ nghèo")).AllText.Contains("BẢO HIỂM Y TẾ CHO NGƯỜI THUỘC HỘ NGHÈO", StringComparison.Ordinal))
        {
            reached.Add("HT-01");
        }

        await bed.TelegramAsync(c, c.Text("/start"));
        if ((await bed.PressAsync(c, "faq:the-bhyt-sai-het-han")).Any(m => m.Text!.StartsWith("Thẻ bảo hiểm y tế", StringComparison.Ordinal)))
        {
            reached.Add("TH-01");
        }

        if (await ScreenOnZaloAsync(bed, e))
        {
            reached.Add("AN-01");
        }

        // 16/11: two residents who never registered ask what the bot cannot answer yet.
        bed.Time.Advance(TimeSpan.FromDays(6));
        var h = new FakeTelegramUser(510000009, "Hà");
        await bed.TelegramAsync(h, h.Text("/start"));
        var notUnderstoodOnTelegram = (await bed.TelegramAsync(h, h.Text(Unanswered)))[0].Text!;
        var w = (await bed.Web.StartAsync()).ConversationId;
        var notUnderstood = (await bed.Web.SendAsync(w, text: Unanswered)).Replies[0].Text;
        Assert.Equal(notUnderstood, notUnderstoodOnTelegram);

        // 20/11, 10:00: an announcement to every subscriber; the next day one web resident opens the chat and reads it.
        bed.Time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromHours(1));
        await bed.AnnounceAsync(Announcement);
        foreach (var (user, code) in new[] { (c, "TH-01"), (d, "TH-02") })
        {
            if (bed.Telegram.Delivered.Any(m => m.ChatId == user.Id && m.Text!.Contains(Announcement, StringComparison.Ordinal)))
            {
                reached.Add(code);
            }
        }

        foreach (var (user, code) in new[] { (e, "AN-01"), (f, "AN-02") })
        {
            if (bed.Zalo.Sent.Any(s => s.UserId == user && s.Text.Contains(Announcement, StringComparison.Ordinal)))
            {
                reached.Add(code);
            }
        }

        bed.Time.Advance(TimeSpan.FromDays(1));
        if ((await bed.Web.HistoryAsync(b)).Replies.Any(r => r.Text.Contains(Announcement, StringComparison.Ordinal)))
        {
            reached.Add("HT-02");
        }

        // Every way of being reached, on every channel, happened: the figures below are not all zero by accident.
        Assert.Equal(["AN-01", "AN-02", "HT-01", "HT-02", "TH-01", "TH-02"], reached.Order(StringComparer.Ordinal));

        // 1/12, 9:00: the staff member's month-end.
        bed.Time.SetUtcNow(At(2026, 12, 1, 9));
        var page = await browser.OpenConsoleAsync();
        try
        {
            await SignInAsync(page, bed);
            await DashboardAsync(page, reached);
            await MonthlyReportAsync(page, bed, reached);
            await TeachAsync(page);
        }
        finally
        {
            await browser.ReleaseAsync(page);
        }

        // The next resident who asks the same question, on the web page, gets the answer staff taught.
        await using var next = await browser.OpenChatAsync(bed.BaseUrl);
        await Expect(next.BotBubbles.First).ToBeVisibleAsync(new() { Timeout = Wait });
        var before = await next.BotBubbles.CountAsync();
        await next.TypeAndEnterAsync(Unanswered);
        var reply = next.BotBubbles.Nth(before);
        await Expect(reply).ToBeVisibleAsync(new() { Timeout = Wait });
        Assert.NotEqual(notUnderstood, (await reply.InnerTextAsync()).Trim());
        await Expect(next.BotSaid(notUnderstood)).ToHaveCountAsync(0);
        next.AssertNoScriptErrorsOrForeignRequests();
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new DateTimeOffset(year, month, day, hour, 0, 0, Vietnam).ToUniversalTime();

    private static string Head(string code) => List.Single(l => l.Code == code).Head;

    private static string Typed(string code) => List.Single(l => l.Code == code).Typed;

    private static async Task ImportListAndStaffAsync(StaffMonthBed bed)
    {
        var csv = Path.Combine(bed.Folder, "danh-sach-2026.csv");
        await File.WriteAllLinesAsync(csv,
            List.Select(l => $"{l.Code},{Name(l.Commune)},Xóm 1,{l.Category},{l.Head},").Prepend("Mã hộ,Xã/thị trấn,Thôn/xóm,Phân loại (nghèo/cận nghèo),Chủ hộ,Số điện thoại"));
        var imported = await ConsoleVerbRunner.RunAsync(bed.ConnectionString, ["import", "households", csv, "--year", "2026"]);
        Assert.True(imported.Code == 0, imported.Error);
        var added = await ConsoleVerbRunner.RunAsync(bed.ConnectionString, ["users", "add", "--email", Email, "--role", ConsoleRoles.CommunicationStaff, "--password-stdin"], Password + "\n");
        Assert.True(added.Code == 0, added.Error);
    }

    private static string Name(string commune) => TestKit.EngineHarness.Repo.Content.Communes.Single(c => c.Code == commune).Name;

    /// <summary>«Đăng ký nhận tin» on the web chat, then the household code and the head's name; returns the conversation id.</summary>
    private static async Task<string> RegisterOnWebAsync(StaffMonthBed bed, string code, bool announcements = true)
    {
        var web = bed.Web;
        var id = (await web.StartAsync()).ConversationId;
        await web.SendAsync(id, choice: "dang-ky");
        await web.SendAsync(id, choice: announcements ? "yes" : "no");
        await web.SendAsync(id, choice: "yes");
        await web.SendAsync(id, text: Typed(code));
        await web.SendAsync(id, choice: "ngheo");
        await web.SendAsync(id, choice: "all");
        await web.SendAsync(id, choice: "yes");
        await web.SendAsync(id, text: code);
        var linked = await web.SendAsync(id, text: Head(code));
        Assert.Contains("Cháu đã tìm thấy và ghi nhận nhà bác", linked.AllText, StringComparison.Ordinal);
        return id;
    }

    private static async Task RegisterOnTelegramAsync(StaffMonthBed bed, FakeTelegramUser user, string code)
    {
        await bed.TelegramAsync(user, user.Text("/start"));
        foreach (var press in new[] { "dang-ky", "yes", "yes" })
        {
            await bed.PressAsync(user, press);
        }

        await bed.TelegramAsync(user, user.Text(Typed(code)));
        await bed.PressAsync(user, "ngheo");
        await bed.PressAsync(user, "all");
        await bed.TelegramAsync(user, user.Text("không")); // no phone shared: the household code instead
        await bed.PressAsync(user, "yes");
        await bed.TelegramAsync(user, user.Text(code));
        var linked = await bed.TelegramAsync(user, user.Text(Head(code)));
        Assert.Contains(linked, m => m.Text!.StartsWith("Cháu đã tìm thấy và ghi nhận nhà bác", StringComparison.Ordinal));
    }

    /// <summary>Follow, then «7» (Đăng ký nhận tin) and the answers typed as Zalo residents type them.</summary>
    private static async Task RegisterOnZaloAsync(StaffMonthBed bed, string user, string code)
    {
        await bed.ZaloAsync(user, null);
        foreach (var text in new[] { "7", "có", "có", Typed(code), "1", "1", "không", "có", code })
        {
            await bed.ZaloAsync(user, text);
        }

        var linked = await bed.ZaloAsync(user, Head(code));
        Assert.Contains(linked, t => t.StartsWith("Cháu đã tìm thấy và ghi nhận nhà bác", StringComparison.Ordinal));
    }

    /// <summary>The poverty screener typed on Zalo (as ZaloConversationTests plays it); true when the result was sent.</summary>
    private static async Task<bool> ScreenOnZaloAsync(StaffMonthBed bed, string user)
    {
        foreach (var text in new[] { "menu", "1", "uoc tinh ho nha toi", "hai chau", "4", "1", "5tr", "co", "không", "không biết", "có", "ko", "k", "dạ có", "không", "có", "có", "có ạ" })
        {
            await bed.ZaloAsync(user, text);
        }

        var result = await bed.ZaloAsync(user, "co");
        return result.Any(t => t.StartsWith("Theo những gì bác kể, hộ nhà bác có thể thuộc diện HỘ NGHÈO.", StringComparison.Ordinal));
    }

    private static async Task<WebChatClient.Reply> ChooseOnWebAsync(StaffMonthBed bed, string conversation, string label)
    {
        var last = (await bed.Web.HistoryAsync(conversation)).Replies;
        var choice = last.Where(r => r.Choices.Count > 0).Last().Choices.Single(c => c.Label == label);
        return await bed.Web.SendAsync(conversation, choice: choice.Id);
    }

    private static async Task SignInAsync(IPage page, StaffMonthBed bed)
    {
        await page.GotoAsync(new Uri(bed.BaseUrl, "admin/login?returnUrl=/admin/thong-ke").ToString());
        await page.GetByLabel("Thư điện tử").FillAsync(Email);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thống kê", new() { Timeout = Wait });
    }

    /// <summary>Last month from the quick links: the charts, the figures, and the reach per commune against this test's own count.</summary>
    private static async Task DashboardAsync(IPage page, HashSet<string> reached)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Tháng 11/2026" }).ClickAsync();
        await Expect(page.Locator("#period")).ToContainTextAsync("từ 1/11/2026 đến 30/11/2026", new() { Timeout = Wait });
        foreach (var chart in new[] { "#chart-over-time", "#chart-messages", "#chart-registrations", "#chart-reach" })
        {
            await Expect(page.Locator(chart)).ToBeVisibleAsync(new() { Timeout = Wait });
        }

        await Expect(page.Locator("#chart-reach line.target")).ToHaveCountAsync(1);
        foreach (var channel in new[] { "web", "telegram", "zalo" })
        {
            await Expect(page.Locator("#messages")).ToContainTextAsync(ConsoleLabels.Channel(channel));
        }

        // Nine residents wrote in November: four on the web, three on Telegram, two on Zalo; seven linked a household.
        await Expect(Summary(page, "Người dân có nhắn tin")).ToHaveTextAsync("9");
        await Expect(Summary(page, "Liên kết với hộ trong danh sách")).ToHaveTextAsync("7");
        await Expect(Summary(page, "Lượt hoàn thành")).ToHaveTextAsync("1");
        // The two residents' question is the bot's only one it could not answer (sent elsewhere or not understood).
        var questions = System.Text.RegularExpressions.Regex.Match(await page.Locator("#unanswered").InnerTextAsync(), @"chuyển nơi khác (\d+), chưa hiểu (\d+)");
        Assert.True(questions.Success);
        Assert.Equal(2, int.Parse(questions.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(questions.Groups[2].Value, CultureInfo.InvariantCulture));

        foreach (var (name, households, count) in ExpectedReach(reached))
        {
            var row = page.Locator("#reach tbody tr", new() { Has = page.Locator("td:first-child", new() { HasTextRegex = Exactly(name) }) });
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(households.ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#reach-figure")).ToContainTextAsync($"({reached.Count} / {List.Length} hộ trong danh sách năm 2026");
    }

    /// <summary>Each of today's communes, and the total row, with the list's households and those this test saw reached.</summary>
    private static List<(string Name, int Households, int Reached)> ExpectedReach(HashSet<string> reached)
    {
        var lines = TestKit.EngineHarness.Repo.Content.Communes
            .Select(c => (c.Name, List.Count(l => l.Commune == c.Code), List.Count(l => l.Commune == c.Code && reached.Contains(l.Code)))).ToList();
        Assert.Equal(8, lines.Count);
        return lines;
    }

    private static System.Text.RegularExpressions.Regex Exactly(string text) => new("^" + System.Text.RegularExpressions.Regex.Escape(text) + "$");

    private static ILocator Summary(IPage page, string label) =>
        page.Locator("#summary tbody tr", new() { Has = page.Locator("td:nth-child(2)", new() { HasTextRegex = Exactly(label) }) })
            .Locator("td").Nth(2);

    /// <summary>Downloads the XLSX from the page's link: every figure is a numeric cell, and the reach sheet says what the page says.</summary>
    private static async Task MonthlyReportAsync(IPage page, StaffMonthBed bed, HashSet<string> reached)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        var file = Path.Combine(bed.Folder, "bao-cao-thang-11.xlsx");
        await download.SaveAsAsync(file);

        var summary = Sheet(file, "Tong quan");
        Assert.NotEmpty(summary);
        foreach (var row in summary)
        {
            foreach (var column in new[] { "Kỳ này", "Kỳ trước", "Thay đổi" })
            {
                Assert.IsType<double>(row[column]);
            }
        }

        Assert.Equal(9d, summary.Single(r => (string?)r["Chỉ số"] == "Người dân có nhắn tin")["Kỳ này"]);

        var reach = Sheet(file, "Tiep can");
        foreach (var (name, households, count) in ExpectedReach(reached).Append(("Tổng cộng các xã", List.Length, reached.Count)))
        {
            var row = reach.Single(r => (string?)r["Xã"] == name);
            Assert.Equal((double)households, Assert.IsType<double>(row["Tổng số hộ"]));
            Assert.Equal((double)count, Assert.IsType<double>(row["Đã tiếp cận"]));
            Assert.Equal((double)(households - count), Assert.IsType<double>(row["Chưa tiếp cận"]));
            Assert.Equal(70d, Assert.IsType<double>(row["Chỉ tiêu (%)"]));
            if (households > 0)
            {
                Assert.Equal(Math.Round(100d * count / households, 1), Assert.IsType<double>(row["Tỷ lệ (%)"]), 3);
            }
        }

        foreach (var row in Sheet(file, "Thong bao"))
        {
            foreach (var column in new[] { "Số người nhận", "Đã gửi", "Lỗi", "Không liên lạc được", "Chưa xem (web)", "Đã xem (web)", "Đang chờ gửi" })
            {
                Assert.IsType<double>(row[column]);
            }
        }
    }

    private static List<IDictionary<string, object?>> Sheet(string file, string name) =>
        MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();

    /// <summary>The unanswered loop: both residents' question, grouped, counted twice; staff add it to «Vay vốn ưu đãi».</summary>
    private static async Task TeachAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Câu hỏi chưa trả lời" }).ClickAsync();
        var group = page.Locator("form.group", new() { Has = page.Locator("li", new() { HasText = Folded }) });
        await Expect(group.Locator(".count")).ToHaveTextAsync("2", new() { Timeout = Wait });
        await group.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "Vay vốn ưu đãi" });
        await group.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chủ đề" }).ClickAsync();
        await Expect(page.Locator("#decision-result")).ToContainTextAsync("Đã thêm cách hỏi này vào chủ đề «Vay vốn ưu đãi»", new() { Timeout = Wait });
        await Expect(page.Locator("#learning-status")).ToContainTextAsync("Trợ lý đã áp dụng mọi thay đổi", new() { Timeout = 4 * Wait });
    }
}
