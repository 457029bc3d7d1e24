namespace HaiHau.InfoBot.Storage.Records;

/// <summary>
/// A channel's own durable state as key and value: Telegram's polling offset, Zalo's token pair.
/// (Channel, Key) is unique; a value is replaced whole, so a pair written together is read together.
/// </summary>
public sealed class ChannelStateRecord
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
