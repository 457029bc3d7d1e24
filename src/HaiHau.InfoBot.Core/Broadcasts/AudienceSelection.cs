namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// Pure: from the consenting residents, those the segment targets, each person once (even on two channels), and
/// each household once when asked. The order is stable (by conversation id), so a re-run after a crash picks the same people.
/// </summary>
public static class AudienceSelection
{
    /// <summary>Preferred channel when one person is reachable on several: the one most residents read (Zalo), then Telegram, then web.</summary>
    private static readonly string[] ChannelPreference = ["zalo", "telegram", "web"];

    public static IReadOnlyList<AudienceMember> Pick(IEnumerable<AudienceMember> candidates, Segment segment)
    {
        var matching = candidates
            .Where(m => Allows(segment.Communes, m.Commune))
            .Where(m => segment.Categories.Count == 0 || (m.Category is not null && segment.Categories.Contains(m.Category, StringComparer.Ordinal)))
            .Where(m => segment.Topics.Count == 0 ? !m.OnlyForItsTopics : m.Topics.Any(t => segment.Topics.Contains(t, StringComparer.Ordinal)))
            .Where(m => Allows(segment.Channels, m.Who.Channel))
            .OrderBy(m => Preference(m.Who.Channel)).ThenBy(m => m.ConversationId);

        var people = new HashSet<string>(StringComparer.Ordinal);
        var households = new HashSet<string>(StringComparer.Ordinal);
        var picked = new List<AudienceMember>();
        foreach (var member in matching)
        {
            if (!people.Add(member.PersonKey))
            {
                continue;
            }

            if (segment.OnePerHousehold && member.HouseholdKey is { } household && !households.Add(household))
            {
                continue;
            }

            picked.Add(member);
        }

        return picked.OrderBy(m => m.ConversationId).ToList();
    }

    private static bool Allows(IReadOnlyList<string> allowed, string value) => allowed.Count == 0 || allowed.Contains(value, StringComparer.Ordinal);

    private static int Preference(string channel)
    {
        var index = Array.IndexOf(ChannelPreference, channel);
        return index < 0 ? ChannelPreference.Length : index;
    }
}
