using System.Globalization;
using HaiHau.InfoBot.Content.Listings;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Host.OfficerConsole.Listings;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>
/// What the jobs page and the courses page share: the list (open and expired, filtered), add and edit (checked by
/// the same rules as an import row), expire now, import from the CSV/XLSX template, and the news to subscribers.
/// Every change is audited and refreshes the listings residents see at once.
/// </summary>
public abstract class ListingsPageModel(
    ListingConsoleStore console, ListingStore store, ListingSnapshot snapshot, ListingNews news, IContentStore content, TimeProvider time) : PageModel
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public abstract ListingKind Kind { get; }

    protected ListingConsoleStore ConsoleStore => console;

    public string PagePath => Kind == ListingKind.Job ? "/admin/jobs" : "/admin/courses";

    public IReadOnlyList<TemplateColumn> Columns => ListingTemplate.For(Kind);

    /// <summary>"open", "expired" or "" (all).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "xa")]
    public string? CommuneFilter { get; set; }

    public string? Scope => User.Commune();

    public DateOnly Today => PovertyRuleSets.LocalDay(time.GetUtcNow());

    public IReadOnlyList<ListingEntry> Entries { get; private set; } = [];

    private IReadOnlyList<ListingEntry> _all = [];

    /// <summary>The listings this account may see and change (before the page's filters).</summary>
    private List<ListingEntry> _managed = [];

    public IReadOnlyDictionary<string, int> LeadCounts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The listing being edited (null: the form adds a new one).</summary>
    public ListingEntry? Editing { get; private set; }

    /// <summary>What the form shows: the posted values after a refused save, or the listing being edited.</summary>
    public IReadOnlyDictionary<string, string> FormValues { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> FormProblems { get; private set; } = [];

    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    public string? ImportSummary { get; private set; }

    public bool ImportApplied { get; private set; }

    public string? Message { get; private set; }

    public IEnumerable<Commune> PlaceableCommunes => content.Communes.Where(c => ListingScope.MayPlace(User, c.Code));

    public string CommuneName(string? code) => code is null ? "Toàn huyện" : content.FindCommune(code)?.Name ?? code;

    /// <summary>The listing whose «Cho hết hạn ngay» was pressed: the page asks to confirm first.</summary>
    public ListingEntry? ConfirmExpire { get; private set; }

    public async Task OnGetAsync(string? edit, string? expire, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (expire is not null)
        {
            ConfirmExpire = _managed.FirstOrDefault(e => e.Listing.Code == expire && e.Listing.IsOpenOn(Today));
            Message = ConfirmExpire is null ? $"Không thấy tin «{expire}» còn hạn trong phạm vi tài khoản của bác." : null;
        }

        if (edit is not null)
        {
            Editing = _managed.FirstOrDefault(e => e.Listing.Code == edit);
            FormValues = Editing is null ? FormValues : ValuesOf(Editing.Listing);
            Message = Editing is null ? $"Không thấy tin «{edit}» trong phạm vi tài khoản của bác." : null;
        }
    }

    /// <summary>Adds (no <paramref name="original"/>) or edits a listing from the form's fields, named by the template's keys.</summary>
    public async Task OnPostSaveAsync(string? original, bool notify, CancellationToken ct)
    {
        await LoadAsync(ct);
        var values = Columns.ToDictionary(c => c.Key, c => Request.Form[c.Key].ToString().Trim(), StringComparer.Ordinal);
        ListingEntry? existing = null;
        if (!string.IsNullOrEmpty(original))
        {
            values["code"] = original; // the code is the listing's identity: an edit never changes it
            existing = _managed.FirstOrDefault(e => e.Listing.Code == original);
            if (existing is null)
            {
                FormProblems = [$"Không thấy tin «{original}» trong phạm vi tài khoản của bác."];
                return;
            }

            Editing = existing;
        }

        FormValues = values;
        var table = new RawTable(Columns.Select(c => c.Header).ToList(), [new RawRow(2, Columns.ToDictionary(c => c.Header, c => (object?)values[c.Key], StringComparer.Ordinal))]);
        var check = ListingImport.Check(Kind, table, content, Today);
        var problems = check.Problems.Select(p => $"«{p.Column}»: {p.Reason}.").ToList();
        var listing = check.Valid.Count > 0 ? check.Valid[0] : null;
        if (listing is not null && existing is null && _all.Any(e => e.Listing.Code == listing.Code))
        {
            problems.Add($"«{Columns[0].Header}»: đã có tin mã «{listing.Code}»; bác sửa tin đó hoặc chọn mã khác.");
        }

        if (listing is not null && !ListingScope.MayPlace(User, listing.CommuneCode))
        {
            problems.Add($"«Xã/thị trấn»: tài khoản của bác chỉ đăng tin của {CommuneName(Scope)} hoặc toàn huyện.");
        }

        if (problems.Count > 0 || listing is null)
        {
            FormProblems = problems;
            return;
        }

        var (counts, _) = await store.UpsertAsync(Kind, [listing], AuditFor(summary: null), ct);
        await snapshot.RefreshAsync(ct);
        var published = notify && existing is null && counts.Added == 1 && listing.IsOpenOn(Today) ? await news.PublishAsync(Kind, [listing], User.Who(), ct) : [];
        Message = (existing is null ? $"Đã thêm tin «{listing.Title}»." : counts.Updated == 1 ? $"Đã sửa tin «{listing.Title}»." : "Tin không có gì thay đổi.")
            + (published.Count > 0 ? " Đã lên lịch báo cho người đăng ký nhận tin." : "");
        Editing = null;
        FormValues = new Dictionary<string, string>();
        await LoadAsync(ct);
    }

    public async Task OnPostExpireAsync(string code, CancellationToken ct)
    {
        await LoadAsync(ct);
        var entry = _managed.FirstOrDefault(e => e.Listing.Code == code);
        if (entry is null)
        {
            Message = $"Không thấy tin «{code}» trong phạm vi tài khoản của bác.";
            return;
        }

        await console.ExpireAsync(Kind, code, Today.AddDays(-1), new AuditEntry(User.Id(), User.Who(), AuditActions.ListingExpired), ct);
        await snapshot.RefreshAsync(ct);
        Message = $"Đã cho hết hạn tin «{entry.Listing.Title}»: người dân không còn thấy tin này.";
        await LoadAsync(ct);
    }

    public async Task OnPostImportAsync(IFormFile? file, bool acceptValid, bool notify, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            ImportProblems = ["Bác chọn tệp cần nhập (.csv hoặc .xlsx)."];
            return;
        }

        RawTable table;
        var fileName = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        // The officer's extension is kept (the reader refuses anything but .csv/.xlsx by it), but never a path of theirs.
        var temp = Path.Combine(Path.GetTempPath(), "infobot-import-" + Guid.NewGuid().ToString("N") + (extension.Length <= 8 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : ".bin"));
        try
        {
            // The reader takes a path (and tells .csv from .xlsx by it); the upload is kept only while it is read.
            await using (var output = System.IO.File.Create(temp))
            {
                await file.CopyToAsync(output, ct);
            }

            table = ListingFileReader.Read(temp);
        }
        catch (InvalidDataException ex)
        {
            ImportProblems = [ex.Message.Replace(temp, fileName, StringComparison.Ordinal).Replace(Path.GetFileName(temp), fileName, StringComparison.Ordinal)];
            return;
        }
        finally
        {
            System.IO.File.Delete(temp);
        }

        var check = ListingImport.Check(Kind, table, content, Today);
        var (valid, problems) = InScope(table, check);
        var badRows = problems.Select(p => p.Line).Distinct().Count();
        ImportProblems = problems.OrderBy(p => p.Line).Select(p => p.ToString()).ToList();
        if (check.FileProblem || (problems.Count > 0 && !acceptValid))
        {
            ImportSummary = check.FileProblem
                ? "Không nhập dòng nào: dòng tiêu đề chưa đúng mẫu."
                : $"Không nhập dòng nào: {badRows} dòng có lỗi. Sửa tệp rồi nhập lại, hoặc đánh dấu «Chỉ nhập các dòng hợp lệ» để nhập {valid.Count} dòng đúng.";
            return;
        }

        var by = new AuditEntry(User.Id(), User.Who(), AuditActions.ListingsImported, Details: $"tệp {fileName}:");
        var (counts, addedCodes) = await store.UpsertAsync(Kind, valid, AuditFor(by), ct);
        await snapshot.RefreshAsync(ct);
        var fresh = valid.Where(l => addedCodes.Contains(l.Code) && l.IsOpenOn(Today)).ToList();
        var published = notify ? await news.PublishAsync(Kind, fresh, User.Who(), ct) : [];
        ImportApplied = true;
        ImportSummary = $"Đã nhập {valid.Count} dòng: {counts.Added} mới, {counts.Updated} cập nhật, {counts.Unchanged} không đổi"
            + (badRows > 0 ? $"; bỏ qua {badRows} dòng có lỗi." : ".")
            + (published.Count > 0 ? " Đã lên lịch báo cho người đăng ký nhận tin." : "");
        await LoadAsync(ct);
    }

    /// <summary>The template: the sample file of content/samples/ as CSV, or the same rows as XLSX.</summary>
    public IActionResult OnGetTemplate(string? format)
    {
        var name = Kind == ListingKind.Job ? "jobs" : "courses";
        var csv = Path.Combine(SamplesFolder(), name + ".csv");
        if (format == "xlsx")
        {
            using var input = System.IO.File.OpenRead(csv);
            var rows = Exports.SafeCells.Rows(MiniExcelLibs.MiniExcel.Query(input, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.CSV)
                .Cast<IDictionary<string, object?>>());
            var output = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(output, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
            output.Position = 0;
            return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-{name}.xlsx");
        }

        return PhysicalFile(csv, "text/csv; charset=utf-8", $"mau-{name}.csv");
    }

    public static string InputDate(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    protected async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        var q = string.IsNullOrWhiteSpace(Q) ? null : Core.Text.VietnameseText.Fold(Q);
        _all = await console.ListAsync(Kind, ct);
        _managed = _all.Where(e => ListingScope.MayManage(User, e)).ToList();
        Entries = _managed
            .Where(e => Status switch { "open" => e.Listing.IsOpenOn(today), "expired" => !e.Listing.IsOpenOn(today), _ => true })
            .Where(e => string.IsNullOrEmpty(CommuneFilter) || (CommuneFilter == "huyen" ? e.Listing.CommuneCode is null : e.Listing.CommuneCode == CommuneFilter))
            .Where(e => q is null || e.Listing.SearchText.Contains(q, StringComparison.Ordinal) || Core.Text.VietnameseText.Fold(e.Listing.Code).Contains(q, StringComparison.Ordinal))
            .OrderByDescending(e => e.Listing.IsOpenOn(today)).ThenBy(e => e.Listing.Deadline).ThenBy(e => e.Listing.Code, StringComparer.Ordinal)
            .ToList();
        if (Kind == ListingKind.Course)
        {
            LeadCounts = await console.LeadCountsAsync(ct);
        }
    }

    /// <summary>A listing this account may see and change, by code (after <see cref="LoadAsync"/>).</summary>
    protected ListingEntry? ManagedEntry(string? code) => _managed.FirstOrDefault(e => e.Listing.Code == code);

    /// <summary>Every account may only write rows of its scope: the others become row problems, like any bad cell.</summary>
    private (List<Listing> Valid, List<ImportProblem> Problems) InScope(RawTable table, ImportCheck check)
    {
        var problems = check.Problems.ToList();
        var valid = new List<Listing>();
        var codeHeader = table.Headers.FirstOrDefault(h => ListingTemplate.HeaderKey(h) == ListingTemplate.HeaderKey(Columns[0].Header));
        var lines = table.Rows.GroupBy(r => codeHeader is null ? "" : Convert.ToString(r.Cells.GetValueOrDefault(codeHeader), CultureInfo.InvariantCulture)?.Trim() ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Line, StringComparer.Ordinal);
        foreach (var listing in check.Valid)
        {
            var line = lines.GetValueOrDefault(listing.Code);
            if (!ListingScope.MayPlace(User, listing.CommuneCode))
            {
                problems.Add(new ImportProblem(line, "Xã/thị trấn", $"ngoài phạm vi tài khoản ({CommuneName(Scope)})"));
            }
            else if (_all.FirstOrDefault(e => e.Listing.Code == listing.Code) is { } existing && !ListingScope.MayManage(User, existing))
            {
                problems.Add(new ImportProblem(line, Columns[0].Header, $"mã «{listing.Code}» là tin của nơi khác, tài khoản của bác không sửa được"));
            }
            else
            {
                valid.Add(listing);
            }
        }

        return (valid, problems);
    }

    private ListingAudit AuditFor(AuditEntry? summary) => new(
        new AuditEntry(User.Id(), User.Who(), AuditActions.ListingCreated),
        new AuditEntry(User.Id(), User.Who(), AuditActions.ListingUpdated),
        summary);

    private static Dictionary<string, string> ValuesOf(Listing l) => new(StringComparer.Ordinal)
    {
        ["code"] = l.Code,
        ["title"] = l.Title,
        ["provider"] = l.Provider,
        ["commune"] = l.CommuneCode ?? "",
        ["place"] = l.Place ?? "",
        ["pay"] = l.PayOrSupport ?? "",
        ["deadline"] = InputDate(l.Deadline),
        ["starts"] = InputDate(l.StartsOn),
        ["contact"] = l.Contact,
        ["source"] = l.Source,
        ["posted"] = InputDate(l.PostedOn),
        ["description"] = l.Description ?? "",
    };

    private string SamplesFolder() =>
        Path.Combine(HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Setup.InfoBotOptions>>().Value.ContentPath is var path
            ? Setup.BotDataPaths.Resolve(path) : "content", "samples");
}
