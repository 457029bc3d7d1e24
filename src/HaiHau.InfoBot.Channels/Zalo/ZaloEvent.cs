using System.Text.Json;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The fields of a webhook event the bot uses (channels.md §C.2), ids as strings. A user event names the resident in
/// sender.id; follow/unfollow in follower.id; an OA echo in recipient.id, with sender.admin_id when an officer typed it.
/// </summary>
public sealed record ZaloEvent(
    string Name,
    string? SenderId,
    string? AdminId,
    string? RecipientId,
    string? FollowerId,
    string? MessageId,
    string? Text,
    string? SubmittedPhone = null)
{
    public static ZaloEvent Parse(JsonElement root, ZaloFormatLog formats)
    {
        var name = ZaloJson.Text(root, "event_name") ?? string.Empty;
        var sender = ZaloJson.Child(root, "sender");
        var recipient = ZaloJson.Child(root, "recipient");
        var message = ZaloJson.Child(root, "message");
        return new ZaloEvent(
            name,
            sender is { } s ? ZaloJson.Text(s, "id", formats, "sender.id") : null,
            sender is { } a ? ZaloJson.Text(a, "admin_id", formats, "sender.admin_id") : null,
            recipient is { } r ? ZaloJson.Text(r, "id", formats, "recipient.id") : null,
            FollowerOf(root, formats),
            message is { } m ? ZaloJson.Text(m, "msg_id", formats, "message.msg_id") : null,
            message is { } t ? ZaloJson.Text(t, "text") : null,
            name == "user_submit_info" ? SubmittedPhoneOf(root, formats) : null);
    }

    /// <summary>
    /// The phone of a user_submit_info answer. channels.md §C.2 shows it in info.phone, but the container key is
    /// unconfirmed (❌), so the same field at the top level is accepted too; the log says which arrived.
    /// </summary>
    private static string? SubmittedPhoneOf(JsonElement root, ZaloFormatLog formats)
    {
        if (ZaloJson.Child(root, "info") is { } info && ZaloJson.Text(info, "phone") is { } phone)
        {
            formats.Seen("user_submit_info phone", "info.phone");
            return phone;
        }

        if (ZaloJson.Text(root, "phone") is { } topLevel)
        {
            formats.Seen("user_submit_info phone", "phone at the top level");
            return topLevel;
        }

        formats.Seen("user_submit_info phone", "absent");
        return null;
    }

    /// <summary>follower.id as transcribed; top-level user_id or sender.id as some implementations read it.</summary>
    private static string? FollowerOf(JsonElement root, ZaloFormatLog formats)
    {
        if (ZaloJson.Child(root, "follower") is { } follower && ZaloJson.Text(follower, "id", formats, "follow event user id (follower.id)") is { } id)
        {
            return id;
        }

        if (ZaloJson.Text(root, "user_id", formats, "follow event user id (user_id)") is { } userId)
        {
            return userId;
        }

        return null;
    }
}
