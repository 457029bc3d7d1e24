using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Residents;
using HaiHau.InfoBot.Storage.Register;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// The registration dialogs' read-only view of the store. Reads are synchronous because the engine is: they run
/// only on registration steps (rare), outside the write gate, and WAL lets them run beside the writer.
/// </summary>
public sealed class ResidentRegister(IDbContextFactory<InfoBotDbContext> factory) : IResidentRegister
{
    public ResidentProfileView? Find(ConversationRef who)
    {
        using var db = factory.CreateDbContext();
        return db.ResidentProfiles.AsNoTracking()
            .Where(p => p.Conversation!.Channel == who.Channel && p.Conversation.ChatId == who.ChatId)
            .Select(p => new ResidentProfileView(p.Id, p.ConsentAnnouncements, p.ConsentStatistics, p.CommuneCode, p.DeclaredCategory, p.Topics,
                p.Household == null ? null : p.Household.Code))
            .FirstOrDefault();
    }

    public long? MatchHousehold(string communeCode, string householdCode, string headName)
    {
        if (string.IsNullOrWhiteSpace(householdCode) || string.IsNullOrWhiteSpace(headName))
        {
            return null;
        }

        // Residents type "HH26032" or "hc 26 007" for HH-26-032, HC-26-007: compare letters and digits only.
        var code = HouseholdValues.CodeKey(householdCode);
        var name = HouseholdValues.NameKey(headName);
        using var db = factory.CreateDbContext();
        return db.RegisterEntries.AsNoTracking()
            .Where(e => e.CommuneCode == communeCode && e.HeadNameKey == name
                && e.Household!.Code.Replace("-", "").Replace(".", "").Replace("/", "").Replace("_", "") == code)
            .OrderByDescending(e => e.Year).Select(e => (long?)e.HouseholdId).FirstOrDefault();
    }

    public long? MatchPhone(string phone)
    {
        if (HouseholdValues.Phone(phone) is not { } normalised)
        {
            return null;
        }

        using var db = factory.CreateDbContext();
        var matches = db.RegisterEntries.AsNoTracking().Where(e => e.Phone == normalised).Select(e => e.HouseholdId).Distinct().Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null; // a phone shared by two households links neither
    }
}
