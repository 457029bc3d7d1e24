using System.Text.RegularExpressions;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>The reach page as staff read it, and a resident of the list linked to their household, for the reach tests.</summary>
internal static partial class ReachPage
{
    /// <summary>Signs a staff member in and reads the district line of September 2022: households reached of households listed.</summary>
    public static async Task<(int Reached, int Households)> DistrictAsync(InfoBotApp app, string email = "tt@haihau.test")
    {
        await ConsoleClient.CreateAccountAsync(app, email, ConsoleRoles.CommunicationStaff);
        var page = await (await ConsoleClient.SignedInAsync(app, email)).PageAsync("/admin/reach?from=2022-09-01&to=2022-09-30&year=2022");
        var line = DistrictLine().Match(page);
        Assert.True(line.Success, page);
        return (int.Parse(line.Groups["reached"].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(line.Groups["households"].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Puts a poor household on the 2022 list and links the conversation (the channel's only one when no chat id) to it, consenting to statistics.</summary>
    public static async Task LinkAsync(InfoBotDbContext db, string channel, string? chatId)
    {
        var commune = EngineHarness.Repo.Content.Communes[0].Code;
        var household = new HouseholdRecord { Code = "HH-" + channel };
        db.RegisterEntries.Add(new RegisterEntryRecord { Household = household, Year = 2022, CommuneCode = commune, Category = RegisterCategory.Poor, HeadName = "A", HeadNameKey = "a" });
        var conversation = await db.Conversations.SingleAsync(c => c.Channel == channel && (chatId == null || c.ChatId == chatId));
        db.ResidentProfiles.Add(new ResidentProfileRecord
        {
            Conversation = conversation, Channel = channel, ConsentStatistics = true, CommuneCode = commune, DeclaredCategory = "ngheo", Household = household,
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex("<tr class=\"district\">.*?<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">(?<reached>[\\d.]+) / (?<households>[\\d.]+)</td>", RegexOptions.Singleline)]
    private static partial Regex DistrictLine();
}
