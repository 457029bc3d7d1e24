using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Channels.Zalo;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.WebChat;

namespace HaiHau.InfoBot.Host.OfficerConsole;

/// <summary>Words staff read for the codes the store keeps (channels, topics): no page shows a raw code or an empty cell.</summary>
public static class ConsoleLabels
{
    public const string UnknownTopic = "Chưa rõ chủ đề";

    public static string Channel(string channel) => channel switch
    {
        TelegramMapping.Channel => "Telegram",
        ZaloWebhookReader.Channel => "Zalo",
        WebChatApi.Channel => "Trò chuyện trên trang web",
        _ => channel,
    };

    /// <summary>The topic's label from content/understanding/topics.yaml; a topic no longer there keeps its id.</summary>
    public static string Topic(IQuestionUnderstanding understanding, string? topic) =>
        string.IsNullOrEmpty(topic) ? UnknownTopic : understanding.Settings(topic)?.Label ?? topic;
}
