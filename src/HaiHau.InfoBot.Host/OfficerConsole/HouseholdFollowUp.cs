using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Host.Exports;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Reach;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>What the follow-up list asks for: a year's list, a reach period, and the filters (null: either way).</summary>
public sealed record FollowUpQuery(int Year, DateOnly From, DateOnly To, string? Commune, bool? Linked, bool? Reached);

/// <summary>One household of the list as a commune officer follows it up: linked to a resident? reached in the period?</summary>
public sealed record FollowUpRow(string Code, string Commune, string? Village, RegisterCategory Category, string HeadName, int Residents, bool Reached)
{
    public bool Linked => Residents > 0;

    public string CategoryLabel => Category == RegisterCategory.Poor ? "Hộ nghèo" : "Hộ cận nghèo";
}

/// <summary>
/// The households of a year's list with whether a resident is linked to each and whether each was reached in a period
/// (issue 13 §5), as the reach report counts it (<see cref="ReachReport.ReachedHouseholdsAsync"/>). Also the
/// export of the households not yet reached, every cell made safe by <see cref="SafeCells"/>.
/// </summary>
public sealed class HouseholdFollowUp(IDbContextFactory<InfoBotDbContext> factory, IContentStore content, ReachReport reach)
{
    public async Task<IReadOnlyList<FollowUpRow>> ListAsync(FollowUpQuery query, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var commune = query.Commune;
        var entries = await db.RegisterEntries.AsNoTracking()
            .Where(e => e.Year == query.Year && (commune == null || e.CommuneCode == commune))
            .Select(e => new { e.HouseholdId, e.Household!.Code, e.CommuneCode, e.Village, e.Category, e.HeadName })
            .ToListAsync(ct);
        var linked = await db.ResidentProfiles.AsNoTracking().Where(p => p.HouseholdId != null)
            .GroupBy(p => p.HouseholdId!.Value).Select(g => new { Household = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Household, x => x.Count, ct);
        // Reached as the reach report and «Thống kê» count it: the same query, so «chưa tiếp cận» means the same everywhere.
        var reached = await reach.ReachedHouseholdsAsync(new ReachQuery(query.From, query.To, query.Year, commune), ct);
        var order = content.Communes.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return entries
            .OrderBy(e => order.GetValueOrDefault(e.CommuneCode, int.MaxValue))
            .ThenBy(e => e.Village, StringComparer.Ordinal)
            .ThenBy(e => e.Code, StringComparer.Ordinal)
            .Select(e => new FollowUpRow(e.Code, content.FindCommune(e.CommuneCode)?.Name ?? e.CommuneCode, e.Village, e.Category, e.HeadName,
                linked.GetValueOrDefault(e.HouseholdId), reached.Contains(e.HouseholdId)))
            .Where(r => query.Linked is not { } l || r.Linked == l)
            .Where(r => query.Reached is not { } h || r.Reached == h)
            .ToList();
    }

    public static readonly IReadOnlyList<string> Headers = ["Mã hộ", "Xã", "Thôn, xóm", "Phân loại", "Chủ hộ", "Người dân đã liên kết"];

    public static string Csv(IEnumerable<FollowUpRow> rows)
    {
        var csv = new StringBuilder().AppendCsvLine(Headers);
        foreach (var row in rows)
        {
            csv.AppendCsvLine([row.Code, row.Commune, row.Village, row.CategoryLabel, row.HeadName, row.Residents.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return csv.ToString();
    }

    /// <summary>The rows as an XLSX sheet: text cells neutralised, the count of linked residents a number.</summary>
    public static byte[] Xlsx(IEnumerable<FollowUpRow> rows)
    {
        var sheet = SafeCells.Rows(rows.Select(row => new Dictionary<string, object?>
        {
            [Headers[0]] = row.Code,
            [Headers[1]] = row.Commune,
            [Headers[2]] = row.Village ?? "",
            [Headers[3]] = row.CategoryLabel,
            [Headers[4]] = row.HeadName,
            [Headers[5]] = row.Residents,
        }));
        using var output = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(output, sheet, excelType: MiniExcelLibs.ExcelType.XLSX);
        return output.ToArray();
    }
}
