using System.Globalization;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage;

/// <summary>
/// Turns the events that ask the store to keep something (a news subscription, a course lead) into rows, tracked on
/// the turn's context so they are written in the same transaction as the turn's state and replies. Runs after the
/// conversation is written (it has its id), and refers to it by id: it is not tracked (<see cref="TurnOutput"/>).
/// </summary>
public static class ResidentRequests
{
    public static async Task ApplyAsync(InfoBotDbContext context, ConversationRecord conversation, IReadOnlyList<TurnEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case var k when k == EventKinds.NewsSubscribed && e.Subject is { } kind:
                    var commune = e.Data?.GetValueOrDefault("commune") is { Length: > 0 } c ? c : null;
                    var existing = await FindSubscriptionAsync(context, conversation, kind, ct);
                    if (existing is null)
                    {
                        context.NewsSubscriptions.Add(new NewsSubscriptionRecord { ConversationId = conversation.Id, Kind = kind, CommuneCode = commune, CreatedAt = now, UpdatedAt = now });
                    }
                    else
                    {
                        existing.CommuneCode = commune;
                        existing.UpdatedAt = now;
                    }

                    break;

                case var k when k == EventKinds.NewsUnsubscribed && e.Subject is { } kind:
                    if (await FindSubscriptionAsync(context, conversation, kind, ct) is { } subscription)
                    {
                        context.NewsSubscriptions.Remove(subscription);
                    }

                    break;

                case var k when k == EventKinds.CourseInterestRegistered && e.Subject is { } course:
                    var consentedAt = e.Data?.GetValueOrDefault("consented_at") is { } at
                        ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                        : now;
                    var lead = conversation.Id == 0 ? null
                        : await context.CourseLeads.FirstOrDefaultAsync(l => l.ConversationId == conversation.Id && l.CourseCode == course, ct);
                    if (lead is null)
                    {
                        context.CourseLeads.Add(new CourseLeadRecord { ConversationId = conversation.Id, CourseCode = course, ConsentedAt = consentedAt });
                    }
                    else
                    {
                        lead.ConsentedAt = consentedAt; // the newest consent is the one that counts
                    }

                    break;
            }
        }
    }

    private static async Task<NewsSubscriptionRecord?> FindSubscriptionAsync(InfoBotDbContext context, ConversationRecord conversation, string kind, CancellationToken ct) =>
        context.NewsSubscriptions.Local.FirstOrDefault(s => s.ConversationId == conversation.Id && s.Kind == kind)
        ?? (conversation.Id == 0 ? null : await context.NewsSubscriptions.FirstOrDefaultAsync(s => s.ConversationId == conversation.Id && s.Kind == kind, ct));
}
