using System.Net;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaiHau.InfoBot.Host.Tests.OfficerConsole;

/// <summary>Console defects staff met (issue 13 §6), each as the staff member would notice it.</summary>
public sealed class ConsoleDefectTests : HostTestBase
{
    [Fact]
    public async Task The_header_logout_signs_out_and_the_session_no_longer_opens_pages()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");

        // The token comes from the header form of an ordinary page, as the browser posts it.
        var logout = await staff.PostFormAsync("/admin/logout", new Dictionary<string, string>(), tokenFrom: "/admin/reach");
        var after = await staff.Http.GetAsync("/admin/reach");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(ConsoleSetup.LoginPath, logout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost" + ConsoleSetup.LoginPath, after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_console_address_says_so_in_words_with_a_way_back()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var staff = await ConsoleClient.SignedInAsync(app, "tt@haihau.test");

        var response = await staff.Http.GetAsync("/admin/bao-cao-khong-co");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có trang nào ở địa chỉ này", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_report_tables_say_there_is_nothing()
    {
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var page = await (await ConsoleClient.SignedInAsync(app, "tt@haihau.test")).PageAsync("/admin/reach?from=2022-01-01&to=2022-12-31");

        Assert.Contains("Không có người tự khai nào trong kỳ này.", page, StringComparison.Ordinal);
        Assert.Contains("Chưa có hộ nào trong danh sách được tiếp cận trong kỳ này.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HA26032")]
    [InlineData("ha 26 032")]
    [InlineData("Ha-26-032")]
    public async Task A_household_code_typed_without_hyphens_or_with_spaces_links_in_the_chat(string typed)
    {
        using var store = new StoreHarness();
        using var gate = new SqliteWriteGate();
        var importer = new HouseholdImporter(store.Factory, gate, EngineHarness.Repo.Content, store.Time);
        var import = await importer.ImportAsync([new HouseholdRow(2, "HA-26-032", "Hải An", "Xóm 1", "nghèo", "Nguyễn Văn An", null)],
            new ImportRequest(2022, "ds.csv", null, false, new AuditEntry("t", "t", AuditActions.HouseholdsImported)), CancellationToken.None);
        Assert.True(import.Applied);

        await store.TurnAsync(null, isStart: true);
        foreach (var (text, payload) in new (string?, string?)[] { (null, "dang-ky"), (null, "yes"), ("có", null), ("hai an", null), (null, "ngheo"), (null, "health_insurance"), (null, "no"), (null, "yes"), (typed, null) })
        {
            await store.TurnAsync(text, payload);
        }

        var linked = string.Join("\n", (await store.TurnAsync("Nguyễn Văn An")).Select(r => r.Text));

        Assert.DoesNotContain("Cháu chưa tìm thấy hộ", linked, StringComparison.Ordinal);
        await using var db = await store.Factory.CreateDbContextAsync();
        Assert.NotNull((await db.ResidentProfiles.SingleAsync()).HouseholdId);
    }

    [Fact]
    public async Task A_cli_listings_import_is_audited_and_the_audit_log_reads_in_words()
    {
        var run = await Cli.ConsoleVerbRunner.RunAsync(Folder.SqliteConnectionString(), ["import", "jobs", Path.Combine(RepoPaths.Content, "samples", "jobs.csv"), "--accept-valid"]);
        Assert.True(run.Code == 0, run.Error);
        await using var app = NewApp();
        await ConsoleClient.CreateAccountAsync(app, "admin@haihau.test", ConsoleRoles.Admin);

        var page = await (await ConsoleClient.SignedInAsync(app, "admin@haihau.test")).PageAsync("/admin/audit");

        Assert.Contains("Nhập tin việc làm, khóa học", page, StringComparison.Ordinal);
        Assert.Contains("Tệp nhập jobs.csv", page, StringComparison.Ordinal);
        foreach (var action in typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            Assert.NotEqual(action, HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin.AuditModel.ActionLabel(action)); // no raw code on the page
            Assert.DoesNotContain(action, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancel_and_expire_now_ask_for_confirmation_first_and_change_nothing_until_confirmed()
    {
        await using var app = NewApp();
        await Listings.ListingSeed.ImportedAsync(app, Listings.ListingSeed.Job("VL-01", "hai-an"));
        var id = await app.Services.GetRequiredService<BroadcastStore>().CreateAsync(
            new BroadcastDraft("Họp xét hộ cận nghèo", null, Segment.Everyone, app.Time.GetUtcNow().AddDays(1), "huyen@haihau.test"), CancellationToken.None);
        await ConsoleClient.CreateAccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var officer = await ConsoleClient.SignedInAsync(app, "huyen@haihau.test");

        var list = await officer.PageAsync("/admin/broadcasts");
        var askCancel = await officer.PageAsync($"/admin/broadcasts?cancel={id}");
        var jobs = await officer.PageAsync("/admin/jobs");
        var askExpire = await officer.PageAsync("/admin/jobs?expire=VL-01");

        Assert.Contains($"href=\"/admin/broadcasts?cancel={id}#confirm-cancel\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Cancel", list, StringComparison.Ordinal); // the row has no form that cancels at once
        Assert.Contains("id=\"confirm-cancel\"", askCancel, StringComparison.Ordinal);
        Assert.Contains("Không hoàn tác được.", askCancel, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/jobs?expire=VL-01#confirm-expire\"", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Expire", jobs, StringComparison.Ordinal);
        Assert.Contains("id=\"confirm-expire\"", askExpire, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(BroadcastState.Scheduled, (await db.Broadcasts.SingleAsync()).State);
        Assert.True(app.Services.GetRequiredService<Core.Listings.IListingSource>().All(Core.Listings.ListingKind.Job).Single().IsOpenOn(new DateOnly(2022, 9, 15)));

        var confirmed = await officer.PostFormAsync("/admin/broadcasts?handler=Cancel", new Dictionary<string, string> { ["id"] = $"{id}" }, tokenFrom: $"/admin/broadcasts?cancel={id}");
        Assert.Contains("Đã hủy thông báo.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sent_announcement_says_how_many_web_residents_have_not_seen_it_and_quiet_hours_say_until_when()
    {
        // 22:00 in Vietnam: inside the default quiet hours (21:00–06:30).
        await using var app = NewApp(new FakeTimeProvider(new DateTimeOffset(2022, 9, 15, 22, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime()));
        var store = app.Services.GetRequiredService<BroadcastStore>();
        // Due tomorrow, so the host's scheduler never takes them up while the test sets their state (a full suite's
        // load once let it fan one out and finish it first: the page then had no announcement waiting).
        var due = app.Time.GetUtcNow().AddDays(1);
        var done = await store.CreateAsync(new BroadcastDraft("Đã gửi", null, Segment.Everyone, due, "huyen@haihau.test"), CancellationToken.None);
        var waiting = await store.CreateAsync(new BroadcastDraft("Đang chờ", null, Segment.Everyone, due, "huyen@haihau.test"), CancellationToken.None);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync())
        {
            (await db.Broadcasts.SingleAsync(b => b.Id == done)).State = BroadcastState.Completed;
            (await db.Broadcasts.SingleAsync(b => b.Id == waiting)).State = BroadcastState.Sending;
            foreach (var (broadcast, channel, status, chat) in new[]
            {
                (done, "web", OutboxStatus.Pending, "w1"), (done, "web", OutboxStatus.Pending, "w2"), (done, "web", OutboxStatus.Sent, "w3"),
                (waiting, "telegram", OutboxStatus.Pending, "t1"),
            })
            {
                db.Outbox.Add(new OutboxRecord
                {
                    Conversation = new ConversationRecord { Channel = channel, ChatId = chat + broadcast, UserId = chat }, Channel = channel, ChatId = chat + broadcast,
                    Kind = OutboxKind.Bulk, BroadcastId = broadcast, Text = "x", Status = status, NextAttemptAt = app.Time.GetUtcNow().AddDays(1),
                });
            }

            await db.SaveChangesAsync();
        }

        await ConsoleClient.CreateAccountAsync(app, "huyen@haihau.test", ConsoleRoles.Officer);
        var page = await (await ConsoleClient.SignedInAsync(app, "huyen@haihau.test")).PageAsync("/admin/broadcasts");

        Assert.Contains("Đã gửi; 2 người dùng web chưa xem", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã gửi xong", page, StringComparison.Ordinal);
        Assert.Contains("Đang gửi – tạm chờ vì đang trong giờ nghỉ đêm (21:00–06:30), sẽ gửi tiếp lúc 06:30 16/9/2022", page, StringComparison.Ordinal);
    }
}
