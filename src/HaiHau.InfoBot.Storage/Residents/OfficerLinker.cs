using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Storage.Audit;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// What an officer's link did: linked (with the household's code and commune), or why not, in Vietnamese. When the
/// resident is already linked to another household, nothing changed and <see cref="EarlierHousehold"/> names it: the
/// officer confirms the replacement by linking again with <c>replace</c>.
/// </summary>
public sealed record OfficerLinkResult(bool Linked, string Message, string? EarlierHousehold = null)
{
    public bool NeedsConfirmation => EarlierHousehold is not null;
}

/// <summary>
/// Assisted registration: an officer links a resident's registration (the «DK…» code the registration dialog shows
/// them) to a household of the register, in one transaction with its audit row. A commune officer may link only to a
/// household whose latest list puts it in their commune, and only a resident who registered in that commune (issue 13
/// §6). Only residents who consented to statistics can be linked, as when they link themselves; their reach counts for
/// the household from then on. A link never silently replaces an earlier one: that needs <c>replace</c>.
/// </summary>
public sealed class OfficerLinker(IDbContextFactory<InfoBotDbContext> factory, SqliteWriteGate writes, IContentStore content, TimeProvider time)
{
    public async Task<OfficerLinkResult> LinkAsync(string registrationCode, string householdCode, string? scope, AuditEntry by, bool replace, CancellationToken ct)
    {
        var registration = (registrationCode ?? "").Trim();
        var digits = registration.StartsWith("DK", StringComparison.OrdinalIgnoreCase) ? registration[2..].Trim() : registration;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var profileId))
        {
            return new(false, "Mã đăng ký phải có dạng DK và các chữ số, ví dụ DK12.");
        }

        if (string.IsNullOrWhiteSpace(householdCode))
        {
            return new(false, "Cần nhập mã hộ trong danh sách của xã.");
        }

        var code = HouseholdValues.NormaliseCode(householdCode);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await writes.WriteAsync(async () =>
        {
            var profile = await db.ResidentProfiles.FirstOrDefaultAsync(p => p.Id == profileId, ct);
            if (profile is null)
            {
                return new OfficerLinkResult(false, $"Không có đăng ký nào mang mã DK{profileId}.");
            }

            if (!profile.ConsentStatistics)
            {
                return new OfficerLinkResult(false, $"Người dân có mã DK{profileId} chưa đồng ý được tính vào thống kê, nên không liên kết với hộ được.");
            }

            // The resident's commune as they registered it (a former unit's code counts for today's commune).
            var registeredIn = profile.CommuneCode is null ? null : content.FindCommune(profile.CommuneCode)?.Code;
            if (scope is not null && registeredIn != scope)
            {
                var where = registeredIn is null ? "chưa cho biết xã" : $"đăng ký ở {content.FindCommune(registeredIn)?.Name ?? registeredIn}";
                return new OfficerLinkResult(false, $"Người dân có mã DK{profileId} {where}, ngoài phạm vi tài khoản ({content.FindCommune(scope)?.Name ?? scope}).");
            }

            var entry = await db.RegisterEntries.AsNoTracking().Where(e => e.Household!.Code == code)
                .OrderByDescending(e => e.Year).Select(e => new { e.HouseholdId, e.CommuneCode }).FirstOrDefaultAsync(ct);
            if (entry is null)
            {
                return new OfficerLinkResult(false, $"Mã hộ «{code}» không có trong danh sách hộ nghèo, cận nghèo.");
            }

            var commune = content.FindCommune(entry.CommuneCode)?.Name ?? entry.CommuneCode;
            if (scope is not null && entry.CommuneCode != scope)
            {
                return new OfficerLinkResult(false, $"Hộ «{code}» thuộc {commune}, ngoài phạm vi tài khoản ({content.FindCommune(scope)?.Name ?? scope}).");
            }

            if (profile.HouseholdId == entry.HouseholdId)
            {
                return new OfficerLinkResult(false, $"DK{profileId} đã được liên kết với hộ {code} từ trước; không có gì thay đổi.");
            }

            var earlier = profile.HouseholdId is { } earlierId
                ? await db.Households.AsNoTracking().Where(h => h.Id == earlierId).Select(h => h.Code).FirstOrDefaultAsync(ct) ?? $"#{earlierId}"
                : null;
            if (earlier is not null && !replace)
            {
                return new OfficerLinkResult(false,
                    $"DK{profileId} đang được liên kết với hộ {earlier}. Liên kết với hộ {code} sẽ thay liên kết cũ; bác xác nhận nếu đúng.", earlier);
            }

            var now = time.GetUtcNow();
            (profile.HouseholdId, profile.LinkedBy, profile.LinkedAt, profile.UpdatedAt) = (entry.HouseholdId, "officer", now, now);
            AuditLog.Add(db, by with
            {
                Action = AuditActions.ConversationLinked, TargetKind = "household", TargetId = code, Commune = entry.CommuneCode,
                Details = earlier is null ? $"DK{profileId} → hộ {code} ({commune})" : $"DK{profileId} → hộ {code} ({commune}), thay hộ {earlier}",
            }, now);
            await db.SaveChangesAsync(ct);
            return new OfficerLinkResult(true, $"Đã liên kết DK{profileId} với hộ {code} ({commune}).");
        }, ct);
    }
}
