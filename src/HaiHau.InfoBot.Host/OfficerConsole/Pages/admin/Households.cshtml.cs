using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Register;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Officer: import the year's list of poor and near-poor households, and see it per commune (only their own commune if limited).</summary>
[Authorize(Policy = ConsoleRoles.OfficerPolicy)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class HouseholdsModel(
    HouseholdImporter importer, IDbContextFactory<InfoBotDbContext> factory, IContentStore content, TimeProvider time) : PageModel
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public sealed record CommuneRow(string Name, int Poor, int NearPoor);

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    public string? Scope => User.Commune();

    public ImportReport? Report { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string Summary => Report is null ? "" : ImportReportText.Summary(Report, Year);

    public IReadOnlyList<CommuneRow> Communes { get; private set; } = [];

    public string CommuneName(string code) => content.FindCommune(code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task OnPostAsync(IFormFile? file, bool acceptValid, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problems = ["Bác chọn tệp danh sách cần nhập."];
        }
        else if (Year is < 2000 or > 2100)
        {
            Problems = ["Năm của danh sách không hợp lệ."];
        }
        else
        {
            IReadOnlyList<HouseholdRow> rows;
            await using (var stream = file.OpenReadStream())
            {
                // MiniExcel needs to seek in an XLSX (a zip); the upload stream cannot.
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                (rows, Problems) = HouseholdFileReader.Read(buffer, file.FileName);
            }

            if (Problems.Count == 0)
            {
                var by = new AuditEntry(User.Id(), User.Who(), AuditActions.HouseholdsImported);
                Report = await importer.ImportAsync(rows, new ImportRequest(Year, Path.GetFileName(file.FileName), Scope, acceptValid, by), ct);
            }
        }

        await LoadAsync(ct);
    }

    /// <summary>The template: the CSV of content/samples/, or the same as XLSX.</summary>
    public IActionResult OnGetTemplate(string? format)
    {
        var csv = Path.Combine(TemplateFolder(), TemplateFile);
        if (format == "xlsx")
        {
            using var input = System.IO.File.OpenRead(csv);
            var rows = Exports.SafeCells.Rows(MiniExcelLibs.MiniExcel.Query(input, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.CSV)
                .Cast<IDictionary<string, object?>>());
            var output = new MemoryStream();
            MiniExcelLibs.MiniExcel.SaveAs(output, rows, excelType: MiniExcelLibs.ExcelType.XLSX);
            output.Position = 0;
            return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-danh-sach-ho.xlsx");
        }

        return PhysicalFile(csv, "text/csv; charset=utf-8", TemplateFile);
    }

    public const string TemplateFile = "mau-danh-sach-ho.csv";

    private string TemplateFolder() =>
        Path.Combine(HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Setup.InfoBotOptions>>().Value.ContentPath is var path
            ? Setup.BotDataPaths.Resolve(path) : "content", "samples");

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (Year == 0)
        {
            Year = await db.RegisterEntries.MaxAsync(e => (int?)e.Year, ct) ?? time.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).Year;
        }

        var scope = Scope;
        var counts = await db.RegisterEntries.Where(e => e.Year == Year && (scope == null || e.CommuneCode == scope))
            .GroupBy(e => new { e.CommuneCode, e.Category }).Select(g => new { g.Key.CommuneCode, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        Communes = content.Communes.Where(c => scope is null || c.Code == scope)
            .Select(c => new CommuneRow(c.Name,
                counts.Where(x => x.CommuneCode == c.Code && x.Category == RegisterCategory.Poor).Sum(x => x.Count),
                counts.Where(x => x.CommuneCode == c.Code && x.Category == RegisterCategory.NearPoor).Sum(x => x.Count)))
            .ToList();
    }
}
