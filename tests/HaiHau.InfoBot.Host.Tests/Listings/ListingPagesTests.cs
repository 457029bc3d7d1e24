using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Listings;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Listings;

/// <summary>The jobs and courses pages as officers use them, over HTTP: who sees what, add, edit, expire, import, leads.</summary>
[Scheduling.LongRunning(20)]
public sealed class ListingPagesTests : HostTestBase
{
    private const string JobsHeader = "Mã tin,Tiêu đề,Nơi tuyển dụng,Xã/thị trấn,Địa điểm làm việc,Mức lương,Hạn nộp hồ sơ,Liên hệ,Nguồn,Ngày đăng,Mô tả";

    private static Dictionary<string, string> JobForm(string code, string commune, string title = "Thợ hàn tàu cá") => new()
    {
        ["code"] = code,
        ["title"] = title,
        ["provider"] = "Cơ sở sửa chữa tàu thuyền",
        ["commune"] = commune,
        ["place"] = "",
        ["pay"] = "8–10 triệu đồng/tháng",
        ["deadline"] = "2022-10-31",
        ["contact"] = "Cán bộ LĐTBXH xã",
        ["source"] = "UBND xã",
        ["posted"] = "",
        ["description"] = "",
    };

    private static async Task<ConsoleClient> OfficerAsync(InfoBotApp app, string email, string? commune, string role = ConsoleRoles.Officer)
    {
        await ConsoleClient.CreateAccountAsync(app, email, role, commune);
        return await ConsoleClient.SignedInAsync(app, email);
    }

    private static async Task<string> PostAsync(ConsoleClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"{path}?handler={handler}", fields, tokenFrom: path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_officer_adds_a_job_and_residents_see_it_at_once_and_the_audit_log_says_who()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "hai-an@haihau.test", "hai-an");

        var page = await PostAsync(officer, "/admin/jobs", "Save", JobForm("VL-HA-01", "hai-an"));

        Assert.Contains("Đã thêm tin «Thợ hàn tàu cá».", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-code=\"VL-HA-01\">", page, StringComparison.Ordinal);
        var seen = Assert.Single(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
        Assert.Equal(("VL-HA-01", "hai-an", new DateOnly(2022, 10, 31)), (seen.Code, seen.CommuneCode, seen.Deadline));
        await using var db = await ListingSeed.Factory(app).CreateDbContextAsync();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.ListingCreated);
        Assert.Equal(("hai-an@haihau.test", "job", "VL-HA-01", "hai-an"), (audit.Actor, audit.TargetKind, audit.TargetId, audit.Commune));
    }

    [Fact]
    public async Task A_form_with_problems_says_which_field_in_Vietnamese_and_adds_nothing()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);
        var form = JobForm("VL 01", "", title: "");

        var page = await PostAsync(officer, "/admin/jobs", "Save", form);

        Assert.Contains("«Tiêu đề»: còn trống.", page, StringComparison.Ordinal);
        Assert.Contains("«Mã tin»: mã chỉ gồm chữ không dấu", page, StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
    }

    [Fact]
    public async Task A_commune_officer_sees_and_changes_only_their_communes_listings_and_their_own_district_wide_ones()
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Job("VL-HC-01", "hai-chau", "Việc ở Hải Châu"), ListingSeed.Job("VL-HA-01", "hai-an", "Việc ở Hải An"),
            ListingSeed.Job("VL-HUYEN-01", null, "Việc toàn huyện của người khác"));
        var haiAn = await OfficerAsync(app, "hai-an@haihau.test", "hai-an");
        var colleague = await OfficerAsync(app, "hai-an-2@haihau.test", "hai-an");
        var districtWide = JobForm("VL-HUYEN-02", "", "Việc toàn huyện của tôi");
        districtWide["place"] = "Các xã ven biển";
        Assert.Contains("Đã thêm tin", await PostAsync(haiAn, "/admin/jobs", "Save", districtWide), StringComparison.Ordinal);

        var list = await haiAn.PageAsync("/admin/jobs");
        Assert.Contains("Việc ở Hải An", list, StringComparison.Ordinal);
        Assert.Contains("Việc toàn huyện của tôi", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Việc ở Hải Châu", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Việc toàn huyện của người khác", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Việc toàn huyện của tôi", await colleague.PageAsync("/admin/jobs"), StringComparison.Ordinal);

        // Forged requests for listings out of scope change nothing.
        var forged = JobForm("VL-HC-01", "hai-an", "Đổi tên");
        forged["original"] = "VL-HC-01";
        var edit = await PostAsync(haiAn, "/admin/jobs", "Save", forged);
        Assert.Contains("Không thấy tin «VL-HC-01» trong phạm vi tài khoản của bác.", edit, StringComparison.Ordinal);
        await PostAsync(haiAn, "/admin/jobs", "Expire", new() { ["code"] = "VL-HUYEN-01" });
        var other = await PostAsync(haiAn, "/admin/jobs", "Save", JobForm("VL-HC-02", "hai-chau"));
        Assert.Contains("«Xã/thị trấn»: tài khoản của bác chỉ đăng tin của Xã Hải An hoặc toàn huyện.", other, StringComparison.Ordinal);

        var jobs = app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job).ToDictionary(l => l.Code);
        Assert.Equal("Việc ở Hải Châu", jobs["VL-HC-01"].Title);
        Assert.True(jobs["VL-HUYEN-01"].IsOpenOn(new DateOnly(2022, 9, 15)));
        Assert.False(jobs.ContainsKey("VL-HC-02"));
    }

    [Fact]
    public async Task Expire_now_closes_the_listing_for_residents_and_the_list_shows_it_expired()
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Job("VL-01", "hai-an"));
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);

        var page = await PostAsync(officer, "/admin/jobs", "Expire", new() { ["code"] = "VL-01" });

        Assert.Contains("Đã cho hết hạn tin «Công nhân may»", page, StringComparison.Ordinal);
        Assert.Contains("Đã hết hạn", await officer.PageAsync("/admin/jobs?status=expired"), StringComparison.Ordinal);
        Assert.DoesNotContain("VL-01", await officer.PageAsync("/admin/jobs?status=open"), StringComparison.Ordinal);
        var job = Assert.Single(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
        Assert.False(job.IsOpenOn(new DateOnly(2022, 9, 15)));
        await using var db = await ListingSeed.Factory(app).CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ListingExpired && a.TargetId == "VL-01"));
    }

    [Fact]
    public async Task An_officer_edits_a_listing_and_the_code_stays()
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Job("VL-01", "hai-an"));
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);
        Assert.Contains("value=\"VL-01\" readonly", await officer.PageAsync("/admin/jobs?edit=VL-01"), StringComparison.Ordinal);

        var form = JobForm("VL-KHAC", "hai-an", "Công nhân may (tăng lương)");
        form["original"] = "VL-01";
        var page = await PostAsync(officer, "/admin/jobs", "Save", form);

        Assert.Contains("Đã sửa tin «Công nhân may (tăng lương)».", page, StringComparison.Ordinal);
        var job = Assert.Single(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
        Assert.Equal(("VL-01", "Công nhân may (tăng lương)"), (job.Code, job.Title));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);
        using var form = new FormUrlEncodedContent(JobForm("VL-01", "hai-an"));

        var response = await officer.Http.PostAsync("/admin/jobs?handler=Save", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
    }

    [Fact]
    public async Task Admins_and_officers_open_the_pages_and_communication_staff_are_sent_away()
    {
        await using var app = NewApp();
        var admin = await OfficerAsync(app, "admin@haihau.test", null, ConsoleRoles.Admin);
        var staff = await OfficerAsync(app, "tt@haihau.test", null, ConsoleRoles.CommunicationStaff);

        Assert.Contains("Thêm khóa học", await admin.PageAsync("/admin/courses"), StringComparison.Ordinal);
        var refused = await staff.Http.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_names_it_and_imports_nothing_unless_told_to_keep_the_valid_rows()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);
        var csv = JobsHeader + "\n"
            + "VL-01,Công nhân may,Xưởng may,Hải An,,6 triệu đồng/tháng,31/12/2022,Cán bộ xã,UBND xã,,\n"
            + "VL-02,Thợ hàn,Xưởng cơ khí,Hải An,,,31/13/2022,Cán bộ xã,UBND xã,,\n";

        var refused = await UploadAsync(officer, "/admin/jobs", csv, "viec-lam.csv", acceptValid: false);
        Assert.Contains("Dòng 3, cột «Hạn nộp hồ sơ»: «31/13/2022» không phải ngày", refused, StringComparison.Ordinal);
        Assert.Contains("Không nhập dòng nào: 1 dòng có lỗi.", refused, StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));

        var accepted = await UploadAsync(officer, "/admin/jobs", csv, "viec-lam.csv", acceptValid: true);
        Assert.Contains("Đã nhập 1 dòng: 1 mới, 0 cập nhật, 0 không đổi; bỏ qua 1 dòng có lỗi.", accepted, StringComparison.Ordinal);
        Assert.Equal("VL-01", Assert.Single(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job)).Code);
        await using var db = await ListingSeed.Factory(app).CreateDbContextAsync();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ListingsImported));
    }

    [Fact]
    public async Task A_commune_officers_import_refuses_rows_of_other_communes_by_row()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "hai-an@haihau.test", "hai-an");
        var csv = JobsHeader + "\n"
            + "VL-01,Công nhân may,Xưởng may,Hải An,,,31/12/2022,Cán bộ xã,UBND xã,,\n"
            + "VL-02,Thợ hàn,Xưởng cơ khí,Hải Châu,,,31/12/2022,Cán bộ xã,UBND xã,,\n";

        var page = await UploadAsync(officer, "/admin/jobs", csv, "viec-lam.csv", acceptValid: false);

        Assert.Contains("Dòng 3, cột «Xã/thị trấn»: ngoài phạm vi tài khoản (Xã Hải An).", page, StringComparison.Ordinal);
        Assert.Empty(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Job));
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_xlsx_is_refused_by_name()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);

        var page = await UploadAsync(officer, "/admin/jobs", "không phải bảng", "viec-lam.pdf", acceptValid: false);

        Assert.Contains("Tệp «viec-lam.pdf» có đuôi «.pdf»: chỉ nhận .csv hoặc .xlsx.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xlsx_template_downloads_and_imports_back()
    {
        await using var app = NewApp();
        var officer = await OfficerAsync(app, "huyen@haihau.test", null);

        var template = await officer.Http.GetByteArrayAsync("/admin/courses?handler=Template&format=xlsx");
        var page = await UploadAsync(officer, "/admin/courses", template, "mau.xlsx", acceptValid: false);

        Assert.Contains("Đã nhập", page, StringComparison.Ordinal);
        Assert.NotEmpty(app.Services.GetRequiredService<IListingSource>().All(ListingKind.Course));
    }

    [Fact]
    public async Task The_interested_residents_of_a_course_show_what_is_stored_and_export_with_an_audit_row()
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Course("KH-01", "hai-an"));
        var zalo = await ListingSeed.ConversationAsync(app, "zalo", "zalo-user-1");
        var telegram = await ListingSeed.ConversationAsync(app, "telegram", "4242");
        await using (var db = await ListingSeed.Factory(app).CreateDbContextAsync())
        {
            db.CourseLeads.Add(new CourseLeadRecord { ConversationId = zalo, CourseCode = "KH-01", ConsentedAt = ListingSeed.Morning });
            db.CourseLeads.Add(new CourseLeadRecord { ConversationId = telegram, CourseCode = "KH-01", ConsentedAt = ListingSeed.Morning.AddHours(2) });
            db.ResidentProfiles.Add(new ResidentProfileRecord { ConversationId = zalo, Channel = "zalo", CommuneCode = "hai-an", ConsentAnnouncements = true, CreatedAt = ListingSeed.Morning, UpdatedAt = ListingSeed.Morning });
            await db.SaveChangesAsync();
        }

        var officer = await OfficerAsync(app, "hai-an@haihau.test", "hai-an");
        Assert.Contains("<a href=\"/admin/courses?handler=Leads&amp;code=KH-01\">2</a>", await officer.PageAsync("/admin/courses"), StringComparison.Ordinal);
        var leads = await officer.PageAsync("/admin/courses?handler=Leads&code=KH-01");
        Assert.Contains("<tr><td>Zalo</td><td>08:00 15/09/2022</td><td>Xã Hải An</td><td>–</td></tr>", leads, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Telegram</td><td>10:00 15/09/2022</td><td>Chưa cho biết</td><td>–</td></tr>", leads, StringComparison.Ordinal);
        Assert.DoesNotContain("zalo-user-1", leads, StringComparison.Ordinal);

        var export = await officer.PostFormAsync("/admin/courses?handler=ExportLeads", new Dictionary<string, string> { ["code"] = "KH-01", ["format"] = "csv" }, tokenFrom: "/admin/courses?handler=Leads&code=KH-01");
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.Equal("Kênh,Thời điểm đồng ý (giờ Việt Nam),Xã/thị trấn,Mã hộ\r\nZalo,08:00 15/09/2022,Xã Hải An,\r\nTelegram,10:00 15/09/2022,,\r\n", csv);
        await using var check = await ListingSeed.Factory(app).CreateDbContextAsync();
        var audit = await check.AuditLog.SingleAsync(a => a.Action == AuditActions.CourseLeadsExported);
        Assert.Equal(("KH-01", "2 người đăng ký, csv"), (audit.TargetId, audit.Details));
    }

    [Fact]
    public async Task Another_communes_officer_cannot_see_or_export_a_courses_leads()
    {
        await using var app = NewApp();
        await ListingSeed.ImportedAsync(app, ListingSeed.Course("KH-01", "hai-an"));
        var officer = await OfficerAsync(app, "hai-chau@haihau.test", "hai-chau");

        Assert.DoesNotContain("id=\"leads\"", await officer.PageAsync("/admin/courses?handler=Leads&code=KH-01"), StringComparison.Ordinal);
        var export = await officer.PostFormAsync("/admin/courses?handler=ExportLeads", new Dictionary<string, string> { ["code"] = "KH-01" }, tokenFrom: "/admin/courses");
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    private static Task<string> UploadAsync(ConsoleClient client, string path, string csv, string name, bool acceptValid) =>
        UploadAsync(client, path, Encoding.UTF8.GetBytes(csv), name, acceptValid);

    private static async Task<string> UploadAsync(ConsoleClient client, string path, byte[] file, string name, bool acceptValid)
    {
        var token = await client.TokenAsync(path);
        using var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "file", name);
        form.Add(new StringContent(acceptValid ? "true" : "false"), "acceptValid");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.Http.PostAsync(path + "?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
