using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Listings;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Listings;

/// <summary>Rows the officer pages and the news audience read, written straight to the test's database.</summary>
internal static class ListingSeed
{
    public static readonly DateTimeOffset Morning = new(2022, 9, 15, 8, 0, 0, TimeSpan.FromHours(7));

    public static Listing Job(string code, string? commune, string title = "Công nhân may", DateOnly? deadline = null) =>
        new(ListingKind.Job, code, title, "Xưởng may Hải Hậu", commune, "Cạnh UBND xã", "6–8 triệu đồng/tháng", deadline ?? new DateOnly(2022, 12, 31),
            null, "Cán bộ LĐTBXH xã", "UBND xã", new DateOnly(2022, 9, 1), null);

    public static Listing Course(string code, string? commune) =>
        new(ListingKind.Course, code, "Sửa chữa máy nông nghiệp", "Trung tâm GDNN – GDTX Hải Hậu", commune, null, "Miễn học phí", new DateOnly(2022, 12, 31),
            new DateOnly(2023, 1, 5), "Trung tâm GDNN", "UBND huyện", new DateOnly(2022, 9, 1), null);

    /// <summary>As the command-line import writes them: no console account created them.</summary>
    public static async Task ImportedAsync(InfoBotApp app, params Listing[] listings)
    {
        foreach (var kind in listings.GroupBy(l => l.Kind))
        {
            await app.Services.GetRequiredService<ListingStore>().UpsertAsync(kind.Key, kind.ToList(), CancellationToken.None);
        }

        await app.Services.GetRequiredService<ListingSnapshot>().RefreshAsync(CancellationToken.None);
    }

    public static async Task<long> ConversationAsync(InfoBotApp app, string channel, string chatId, bool unreachable = false)
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        var row = new ConversationRecord { Channel = channel, ChatId = chatId, UserId = chatId, CreatedAt = Morning, UpdatedAt = Morning, Unreachable = unreachable };
        db.Conversations.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    public static async Task SubscribeAsync(InfoBotApp app, long conversationId, string kind, string? commune)
    {
        await using var db = await Factory(app).CreateDbContextAsync();
        db.NewsSubscriptions.Add(new NewsSubscriptionRecord { ConversationId = conversationId, Kind = kind, CommuneCode = commune, CreatedAt = Morning, UpdatedAt = Morning });
        await db.SaveChangesAsync();
    }

    public static IDbContextFactory<InfoBotDbContext> Factory(InfoBotApp app) => app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>();
}
