using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Channels;

public enum ChannelSignalKind
{
    /// <summary>The resident blocked the bot or unfollowed the OA: stop sending until they write again.</summary>
    Unreachable,

    /// <summary>An officer answers by hand on the platform: the bot stays silent in that conversation for <see cref="ChannelSignal.For"/>.</summary>
    HumanTakeover,
}

/// <summary>Something the platform told us about a conversation that is not a message to answer.</summary>
public sealed record ChannelSignal(ConversationRef Who, ChannelSignalKind Kind, DateTimeOffset At, TimeSpan? For = null, string? Note = null);
