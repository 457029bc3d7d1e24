using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.Storage.Register;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Host.Tests.Reach;

/// <summary>
/// Every way of being reached, on every channel, through the real turn path (engine, processor, writers, SQLite) and
/// the real announcement delivery, to the figure staff read on the reach page: households reached equal the
/// households whose linked resident really got an article, an FAQ answer, a screener result or an announcement.
/// </summary>
public sealed partial class ReachEndToEndTests : IDisposable
{
    private static readonly string[] Channels = ["web", "telegram", "zalo"];
    private static readonly string[] Ways = ["article", "faq", "screener", "announcement"];

    private readonly StoreHarness store = new(InfoBotApp.NewClock());
    private readonly SqliteWriteGate writes = new();

    public void Dispose()
    {
        writes.Dispose();
        store.Dispose();
    }

    [Fact]
    public async Task Each_channel_and_each_way_of_being_reached_adds_its_household_to_the_figure_on_the_reach_page()
    {
        var commune = EngineHarness.Repo.Content.Communes[0].Code;
        var residents = await SeedAsync(commune);
        var screener = (await Transcript.ReadInputsOfAsync(Transcript.RuralPoorScreening));
        var audience = new List<AudienceMember>();
        foreach (var ((channel, way), conversation) in residents)
        {
            var chat = conversation.ChatId;
            switch (way)
            {
                case "article":
                    await store.TurnOnAsync(channel, chat, null, isStart: true);
                    Assert.Contains("BẢO HIỂM Y TẾ", Text(await store.TurnOnAsync(channel, chat, null, "article:bhyt-ho-ngheo")), StringComparison.Ordinal);
                    break;
                case "faq":
                    await store.TurnOnAsync(channel, chat, null, isStart: true);
                    Assert.StartsWith("Thẻ bảo hiểm y tế", Text(await store.TurnOnAsync(channel, chat, null, "faq:the-bhyt-sai-het-han")), StringComparison.Ordinal);
                    break;
                case "screener":
                    var said = "";
                    foreach (var step in screener.Where(s => s.Kind is "start" or "user" or "press"))
                    {
                        said += Text(await store.TurnOnAsync(channel, chat, step.Kind == "user" ? step.Argument : null, step.Kind == "press" ? step.Argument : null, step.Kind == "start"));
                    }

                    Assert.Contains("có thể thuộc diện HỘ NGHÈO", said, StringComparison.Ordinal);
                    break;
                case "announcement":
                    audience.Add(new AudienceMember(conversation.Id, new ConversationRef(channel, chat, chat), commune, "ngheo", [], AudienceMember.PersonKeyOf(conversation.Id), null));
                    break;
            }
        }

        await AnnounceAsync(audience);

        await using var app = new InfoBotApp(store.ConnectionString, InfoBotApp.NewClock());
        await ConsoleClient.CreateAccountAsync(app, "tt@haihau.test", ConsoleRoles.CommunicationStaff);
        var page = await (await ConsoleClient.SignedInAsync(app, "tt@haihau.test")).PageAsync("/admin/reach?from=2022-09-01&to=2022-09-30&year=2022");

        // 12 households reached (3 channels × 4 ways) of 13 on the list: the one left never talked to the bot.
        var line = DistrictLine().Match(page);
        Assert.True(line.Success, page);
        Assert.Equal(("12", "13"), (line.Groups["reached"].Value, line.Groups["households"].Value));
        Assert.DoesNotContain(ConsoleLabels.UnknownTopic, page, StringComparison.Ordinal); // every row has a topic, or is an announcement
        Assert.Contains("<td>Chủ đề</td><td>" + Host.Reach.ReachPresenter.AnnouncementsWithoutTopic + "</td><td class=\"num\">3</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Chủ đề</td><td>" + ConsoleLabels.Topic(EngineHarness.Repo.Questions, "eligibility") + "</td>", page, StringComparison.Ordinal);
        foreach (var channel in Channels)
        {
            Assert.Contains($"<td>Kênh</td><td>{ConsoleLabels.Channel(channel)}</td><td class=\"num\">4</td>", page, StringComparison.Ordinal);
        }
    }

    private async Task<List<((string Channel, string Way), ConversationRecord Conversation)>> SeedAsync(string commune)
    {
        var residents = new List<((string, string), ConversationRecord)>();
        await using var db = await store.Factory.CreateDbContextAsync();
        db.RegisterEntries.Add(Entry(commune, "NOT-REACHED", out _));
        foreach (var channel in Channels)
        {
            foreach (var way in Ways)
            {
                var chat = $"{channel}-{way}";
                db.RegisterEntries.Add(Entry(commune, chat, out var household));
                var conversation = new ConversationRecord { Channel = channel, ChatId = chat, UserId = chat };
                db.ResidentProfiles.Add(new ResidentProfileRecord
                {
                    Conversation = conversation, Channel = channel, ConsentAnnouncements = true, ConsentStatistics = true,
                    CommuneCode = commune, DeclaredCategory = "ngheo", Household = household,
                });
                residents.Add(((channel, way), conversation));
            }
        }

        await db.SaveChangesAsync();
        return residents;
    }

    private static RegisterEntryRecord Entry(string commune, string code, out HouseholdRecord household)
    {
        household = new HouseholdRecord { Code = code };
        return new RegisterEntryRecord { Household = household, Year = 2022, CommuneCode = commune, Category = RegisterCategory.Poor, HeadName = code, HeadNameKey = code };
    }

    /// <summary>Telegram and Zalo copies are sent (the dispatcher records Sent); the web resident opens the chat and reads it.</summary>
    private async Task AnnounceAsync(List<AudienceMember> audience)
    {
        var broadcasts = new BroadcastStore(store.Factory, writes, store.Time);
        var dispatcher = new OutboxDispatcher(store.Factory, writes, store.Time);
        var id = await broadcasts.CreateAsync(new BroadcastDraft("Lịch họp bình xét hộ nghèo", null, Segment.Everyone, store.Time.GetUtcNow(), "officer@test"), CancellationToken.None);
        await broadcasts.FanOutAsync(id, audience, CancellationToken.None);
        foreach (var channel in new[] { "telegram", "zalo" })
        {
            foreach (var row in await dispatcher.DueAsync(channel, 10, includeBulk: true, CancellationToken.None))
            {
                await dispatcher.RecordAsync(row.Id, new SendResult.Sent("m-" + row.Id), CancellationToken.None);
            }
        }

        var web = audience.Single(a => a.Who.Channel == "web").Who.ChatId;
        Assert.Single(await new OutboxReader(store.Factory, writes, store.Time).TakeAfterAsync("web", web, 0, CancellationToken.None));
    }

    private static string Text(IReadOnlyList<DeliveredReply> replies) => string.Join("\n", replies.Select(r => r.Text));

    [GeneratedRegex("<tr class=\"district\">.*?<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">[^<]*</td>\\s*<td class=\"num\">(?<reached>[\\d.]+) / (?<households>[\\d.]+)</td>", RegexOptions.Singleline)]
    private static partial Regex DistrictLine();
}
