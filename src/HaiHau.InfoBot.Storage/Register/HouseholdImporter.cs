using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Storage.Audit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Register;

/// <summary>What an import did: counts, the refused rows with their reasons, and whether anything was written.</summary>
public sealed record ImportReport(long? ImportId, int Inserted, int Updated, int Unchanged, IReadOnlyList<RejectedRow> Rejected, bool Applied, IReadOnlyList<string> FileProblems)
{
    public static ImportReport Refused(IReadOnlyList<string> problems) => new(null, 0, 0, 0, [], false, problems);
}

/// <summary>Who imports, for which year, limited to which commune, and whether to apply the valid rows of a file with errors.</summary>
public sealed record ImportRequest(int Year, string FileName, string? CommuneScope, bool AcceptValid, AuditEntry By);

/// <summary>
/// Imports a commune's official list of poor and near-poor households for one year: every row is checked first;
/// a file with a refused row changes nothing unless the officer asked to apply the valid rows. Then, in one
/// transaction, each household is inserted or updated by (code, year), so importing the same file twice changes nothing.
/// </summary>
public sealed class HouseholdImporter(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, IContentStore content, TimeProvider time)
{
    public async Task<ImportReport> ImportAsync(IReadOnlyList<HouseholdRow> rows, ImportRequest request, CancellationToken ct)
    {
        var (valid, rejected) = Check(rows, request.CommuneScope);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(async () =>
        {
            if (request.CommuneScope is { } scope)
            {
                await RefuseOtherCommunesHouseholdsAsync(db, valid, rejected, scope, ct);
            }

            var apply = rejected.Count == 0 || request.AcceptValid;
            return await ResilientTransaction.ExecuteAsync(db, async () =>
            {
                var now = time.GetUtcNow();
                var import = new HouseholdImportRecord
                {
                    Year = request.Year, FileName = request.FileName, Commune = request.CommuneScope, Actor = request.By.Actor, At = now,
                    Rejected = rejected.Count, Applied = apply,
                };
                db.HouseholdImports.Add(import);
                await db.SaveChangesAsync(ct);
                if (apply)
                {
                    (import.Inserted, import.Updated, import.Unchanged) = await UpsertAsync(db, valid, request.Year, import.Id, now, ct);
                }

                var details = $"năm {request.Year}: thêm {import.Inserted}, sửa {import.Updated}, giữ nguyên {import.Unchanged}, từ chối {rejected.Count} dòng";
                AuditLog.Add(db, request.By with
                {
                    Action = apply ? AuditActions.HouseholdsImported : AuditActions.ImportRefused,
                    TargetKind = "import", TargetId = import.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Commune = request.CommuneScope, Details = details,
                }, now);
                await db.SaveChangesAsync(ct);
                return new ImportReport(import.Id, import.Inserted, import.Updated, import.Unchanged, rejected, apply, []);
            }, ct);
        }, ct);
    }

    /// <summary>
    /// A commune officer may not move another commune's household into their own list by writing its code under their
    /// commune: a code whose latest list puts it in another commune is refused (a district officer can move it).
    /// </summary>
    private async Task RefuseOtherCommunesHouseholdsAsync(InfoBotDbContext db, List<ValidRow> valid, List<RejectedRow> rejected, string scope, CancellationToken ct)
    {
        var elsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in valid.Select(r => r.Code).Chunk(500)) // SQLite's parameter limit
        {
            var latest = await db.RegisterEntries.AsNoTracking().Where(e => chunk.Contains(e.Household!.Code))
                .Select(e => new { e.Household!.Code, e.Year, e.CommuneCode }).ToListAsync(ct);
            foreach (var household in latest.GroupBy(e => e.Code))
            {
                // Lists imported before the 2025 map stored the former unit's code: compare today's communes.
                var stored = household.MaxBy(e => e.Year)!.CommuneCode;
                var commune = content.FindCommune(stored)?.Code ?? stored;
                if (commune != scope)
                {
                    elsewhere[household.Key] = commune;
                }
            }
        }

        foreach (var row in valid.Where(r => elsewhere.ContainsKey(r.Code)).ToList())
        {
            var name = content.FindCommune(elsewhere[row.Code])?.Name ?? elsewhere[row.Code];
            rejected.Add(new RejectedRow(row.Number, row.Code, $"Mã hộ «{row.Code}» đã có trong danh sách của {name}; chỉ cán bộ huyện hoặc của xã đó mới sửa được."));
            valid.Remove(row);
        }

        rejected.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    private sealed record ValidRow(int Number, string Code, string Commune, string? Former, string? Village, RegisterCategory Category, string HeadName, string? Phone);

    /// <summary>
    /// Where a row's commune goes today: today's commune of the unit named; for a former xã whose successor is not
    /// known, the commune officer's own commune when the import is scoped (they know their households), else the
    /// former unit's code (reported apart until an officer re-imports it). The former unit is kept when it differs.
    /// </summary>
    internal static (string? Commune, string? Former) RegisterCommune(CommuneResolution? unit, string? scope) => unit switch
    {
        null => (null, null),
        { Current: { } now } => (now.Code, unit.Named.Code != now.Code ? unit.Named.Code : null),
        _ => (scope ?? unit.Named.Code, unit.Named.Code),
    };

    private (List<ValidRow> Valid, List<RejectedRow> Rejected) Check(IReadOnlyList<HouseholdRow> rows, string? scope)
    {
        var valid = new List<ValidRow>();
        var rejected = new List<RejectedRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var reasons = new List<string>();
            var code = string.IsNullOrWhiteSpace(row.Code) ? null : HouseholdValues.NormaliseCode(row.Code);
            if (code is null)
            {
                reasons.Add("Thiếu mã hộ.");
            }
            else if (!HouseholdValues.IsValidCode(code))
            {
                reasons.Add($"Mã hộ «{Excerpt.Of(code)}» không hợp lệ: mã hộ {HouseholdValues.CodeRule}.");
            }
            else if (seen.TryGetValue(code, out var first))
            {
                reasons.Add($"Mã hộ «{code}» đã có ở dòng {first} của tệp.");
            }
            else
            {
                seen[code] = row.Number;
            }

            // Any name of any period: a 2022 list still imports, under today's commune, with the old unit kept.
            var unit = string.IsNullOrWhiteSpace(row.Commune) ? null : CommuneMatcher.Resolve(content, row.Commune);
            var (commune, former) = RegisterCommune(unit, scope);
            if (string.IsNullOrWhiteSpace(row.Commune))
            {
                reasons.Add("Thiếu xã/thị trấn.");
            }
            else if (commune is null)
            {
                reasons.Add($"Không tìm thấy xã «{Excerpt.Of(row.Commune.Trim())}» (tên xã hiện nay, hoặc tên xã, thị trấn cũ của huyện Hải Hậu cũ).");
            }
            else if (scope is not null && commune != scope)
            {
                reasons.Add($"Hộ thuộc {content.FindCommune(commune)?.Name ?? unit!.Named.Name}, ngoài phạm vi tài khoản ({content.FindCommune(scope)?.Name ?? scope}).");
            }

            var category = HouseholdValues.Category(row.Category);
            if (category is null)
            {
                reasons.Add(string.IsNullOrWhiteSpace(row.Category)
                    ? "Thiếu phân loại: ghi «nghèo» hoặc «cận nghèo»."
                    : $"Phân loại «{Excerpt.Of(row.Category.Trim())}» không hợp lệ: ghi «nghèo» hoặc «cận nghèo».");
            }

            if (string.IsNullOrWhiteSpace(row.HeadName))
            {
                reasons.Add("Thiếu tên chủ hộ.");
            }

            var phone = HouseholdValues.Phone(row.Phone);
            if (!string.IsNullOrWhiteSpace(row.Phone) && phone is null)
            {
                reasons.Add($"Số điện thoại «{Excerpt.Of(row.Phone.Trim())}» không hợp lệ.");
            }

            if (reasons.Count > 0)
            {
                rejected.Add(new RejectedRow(row.Number, code is null || HouseholdValues.IsValidCode(code) ? code : Excerpt.Of(code), string.Join(" ", reasons)));
                continue;
            }

            var village = string.IsNullOrWhiteSpace(row.Village) ? null : row.Village.Trim();
            valid.Add(new ValidRow(row.Number, code!, commune!, former, village, category!.Value, row.HeadName!.Trim(), phone));
        }

        return (valid, rejected);
    }

    private static async Task<(int Inserted, int Updated, int Unchanged)> UpsertAsync(
        InfoBotDbContext db, List<ValidRow> rows, int year, long importId, DateTimeOffset now, CancellationToken ct)
    {
        var codes = rows.Select(r => r.Code).ToList();
        var households = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500)) // SQLite's parameter limit
        {
            foreach (var h in await db.Households.Where(h => chunk.Contains(h.Code)).ToListAsync(ct))
            {
                households[h.Code] = h;
            }
        }

        var entries = await db.RegisterEntries.Where(e => e.Year == year).ToDictionaryAsync(e => e.HouseholdId, ct);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!households.TryGetValue(row.Code, out var household))
            {
                household = new HouseholdRecord { Code = row.Code, CreatedAt = now };
                households[row.Code] = household;
                db.Households.Add(household);
            }

            var entry = household.Id == 0 ? null : entries.GetValueOrDefault(household.Id);
            if (entry is null)
            {
                db.RegisterEntries.Add(new RegisterEntryRecord
                {
                    Household = household, Year = year, CommuneCode = row.Commune, FormerCommuneCode = row.Former, Village = row.Village, Category = row.Category,
                    HeadName = row.HeadName, HeadNameKey = HouseholdValues.NameKey(row.HeadName), Phone = row.Phone, ImportId = importId, UpdatedAt = now,
                });
                inserted++;
            }
            else if (entry.CommuneCode != row.Commune || entry.FormerCommuneCode != row.Former || entry.Village != row.Village || entry.Category != row.Category
                     || entry.HeadName != row.HeadName || entry.Phone != row.Phone)
            {
                (entry.CommuneCode, entry.FormerCommuneCode, entry.Village, entry.Category, entry.HeadName, entry.Phone) = (row.Commune, row.Former, row.Village, row.Category, row.HeadName, row.Phone);
                entry.HeadNameKey = HouseholdValues.NameKey(row.HeadName);
                entry.ImportId = importId;
                entry.UpdatedAt = now;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        return (inserted, updated, unchanged);
    }
}
