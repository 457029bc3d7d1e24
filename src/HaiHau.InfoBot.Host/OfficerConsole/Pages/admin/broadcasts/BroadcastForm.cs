using System.Globalization;
using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Broadcasts;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Storage.Residents;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin.Broadcasts;

/// <summary>How one channel will show the announcement: its limit and into how many messages the text is split.</summary>
public sealed record ChannelPreview(string Channel, string Label, int? Limit, int Parts)
{
    public bool Split => Parts > 1;
}

/// <summary>The compose form's words for segments and channels, and the checks shared by preview and send.</summary>
public static class BroadcastForm
{
    /// <summary>Longest announcement accepted: two Telegram messages, five Zalo messages; beyond that it is a document, not a message.</summary>
    public const int MaxTextLength = 8000;

    /// <summary>The limits the platforms publish (Telegram 4,096 characters, Zalo 2,000); web chat has none.</summary>
    public const int TelegramLimit = 4096;

    public static readonly IReadOnlyList<(string Id, string Label)> Channels = [("telegram", "Telegram"), ("zalo", "Zalo"), ("web", "Trò chuyện trên web")];

    public static readonly IReadOnlyList<string> Categories =
        [DeclaredCategories.Poor, DeclaredCategories.NearPoor, DeclaredCategories.NewlyEscaped, DeclaredCategories.Average, DeclaredCategories.Other];

    public static string ChannelLabel(string channel) => Channels.FirstOrDefault(c => c.Id == channel).Label ?? channel;

    /// <summary>
    /// The segment the officer may send to. A commune officer's announcement is always limited to their commune,
    /// whatever the form says; asking for another commune is refused (null with the reason).
    /// </summary>
    public static (Segment? Segment, string? Error) SegmentFor(string? ownCommune, IReadOnlyList<string> communes, IReadOnlyList<string> categories,
        IReadOnlyList<string> topics, IReadOnlyList<string> subjects, IReadOnlyList<string> channels, bool onePerHousehold, ISet<string> knownCommunes)
    {
        var chosen = communes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Any(c => !knownCommunes.Contains(c)))
        {
            return (null, "Có xã không có trong danh sách của huyện.");
        }

        if (ownCommune is not null)
        {
            if (chosen.Any(c => c != ownCommune))
            {
                return (null, "Tài khoản của bác chỉ gửi được thông báo cho xã của mình.");
            }

            chosen = [ownCommune];
        }

        return (new Segment(
            chosen,
            categories.Where(Categories.Contains).Distinct(StringComparer.Ordinal).ToList(),
            topics.Where(subjects.Contains).Distinct(StringComparer.Ordinal).ToList(),
            channels.Where(c => Channels.Any(x => x.Id == c)).Distinct(StringComparer.Ordinal).ToList(),
            onePerHousehold), null);
    }

    /// <summary>The text residents get, as BroadcastStore.MessageOf builds it.</summary>
    public static string MessageOf(string text, string? link) =>
        string.IsNullOrWhiteSpace(link) ? text : text.TrimEnd() + "\n\n" + link.Trim();

    public static IReadOnlyList<ChannelPreview> Previews(string message) =>
    [
        // Telegram's own limit is 4,096; the adapter splits a little earlier (TelegramHtml.PartLimit) to leave room for markup.
        new("telegram", "Telegram", TelegramLimit, MessageSplitter.Split(message, TelegramHtml.PartLimit).Count),
        new("zalo", "Zalo", ZaloAdapter.MaxTextLength, MessageSplitter.Split(message, ZaloAdapter.MaxTextLength).Count),
        new("web", "Trò chuyện trên web", null, 1),
    ];

    public static string? CheckText(string? text, string? link)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Bác nhập nội dung thông báo.";
        }

        if (text.Length > MaxTextLength)
        {
            return $"Thông báo dài quá {VietnameseFormat.Number(MaxTextLength)} ký tự.";
        }

        if (!string.IsNullOrWhiteSpace(link) && !(Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return "Đường dẫn phải bắt đầu bằng https:// hoặc http://.";
        }

        return null;
    }

    /// <summary>A local date and time in the delivery time zone as a UTC instant; null with the reason when invalid.</summary>
    public static (DateTimeOffset? At, string? Error) ScheduledAt(string? date, string? time, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return (null, "Bác chọn ngày và giờ gửi.");
        }

        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return at < now ? (null, "Thời gian gửi đã qua, bác chọn lại.") : (at, null);
    }

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The segment in words; topics are named by <paramref name="topicName"/> (the topic registry's labels, ConsoleLabels.Topic).</summary>
    public static string Describe(Segment segment, Func<string, string> communeName, Func<string, string> topicName)
    {
        var parts = new List<string>
        {
            segment.Communes.Count == 0 ? "Toàn huyện" : string.Join(", ", segment.Communes.Select(communeName)),
        };
        if (segment.Categories.Count > 0)
        {
            parts.Add(string.Join(", ", segment.Categories.Select(DeclaredCategories.Label)));
        }

        if (segment.Topics.Count > 0)
        {
            parts.Add("quan tâm: " + string.Join(", ", segment.Topics.Select(topicName)));
        }

        if (segment.Channels.Count > 0)
        {
            parts.Add("qua " + string.Join(", ", segment.Channels.Select(ChannelLabel)));
        }

        if (segment.OnePerHousehold)
        {
            parts.Add("mỗi hộ một người");
        }

        return string.Join(" · ", parts);
    }
}
