using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Residents;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Storage.Residents;

/// <summary>
/// Keeps the phone a resident consented to be notified on by ZNS (issue 18), in the turn's transaction: only a
/// consent given in this turn together with the phone the platform verified in it (save_profile adds it to the event),
/// kept apart from the registration (channel <see cref="BroadcastRouteChannels.ZaloZns"/>, key
/// <see cref="ZnsAddress.PhoneKey"/>) and for that purpose only. Withdrawing that consent, or the announcements it
/// serves, forgets the phone; «xóa dữ liệu của tôi» deletes it with the rest (ConversationEraser).
/// </summary>
public sealed class ZnsConsentWriter : ITurnOutputWriter
{
    public async Task WriteAsync(TurnOutput turn, CancellationToken ct)
    {
        foreach (var values in turn.Result.Events.Where(e => e.Kind == ProfileEvents.Saved && e.Data is not null).Select(e => e.Data!))
        {
            var phone = values.GetValueOrDefault(ProfileEvents.ConsentZns) == "yes" ? ZnsAddress.Phone(values.GetValueOrDefault(ProfileEvents.ZnsPhone)) : null;
            var withdrawn = values.GetValueOrDefault(ProfileEvents.ConsentZns) == "no" || values.GetValueOrDefault(ProfileEvents.ConsentAnnouncements) == "no";
            if (phone is null && !withdrawn)
            {
                continue;
            }

            // A conversation's first turn never reaches the consent (registration takes several), so it has an id.
            var key = ZnsAddress.PhoneKey(turn.Conversation.Id);
            var row = turn.Db.ChannelState.Local.FirstOrDefault(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key == key)
                ?? await turn.Db.ChannelState.FirstOrDefaultAsync(s => s.Channel == BroadcastRouteChannels.ZaloZns && s.Key == key, ct);
            if (phone is not null && turn.Conversation.Id != 0)
            {
                if (row is null)
                {
                    turn.Db.ChannelState.Add(new ChannelStateRecord { Channel = BroadcastRouteChannels.ZaloZns, Key = key, Value = phone, UpdatedAt = turn.Now });
                }
                else
                {
                    (row.Value, row.UpdatedAt) = (phone, turn.Now);
                }
            }
            else if (row is not null)
            {
                turn.Db.ChannelState.Remove(row);
            }
        }
    }
}
