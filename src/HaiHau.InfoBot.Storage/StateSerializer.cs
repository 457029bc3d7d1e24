using System.Text.Json;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Storage;

/// <summary>JSON for conversation state and choices. Unreadable state (an old format) starts a fresh conversation.</summary>
public static class StateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Serialize(ConversationState state) => JsonSerializer.Serialize(state, Options);

    public static ConversationState Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ConversationState();
        }

        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Options) ?? new ConversationState();
        }
        catch (JsonException)
        {
            return new ConversationState();
        }
    }

    public static string SerializeChoices(IReadOnlyList<QuickReply> choices) =>
        choices.Count == 0 ? "[]" : JsonSerializer.Serialize(choices, Options);

    public static IReadOnlyList<QuickReply> DeserializeChoices(string json) =>
        json == "[]" ? [] : JsonSerializer.Deserialize<List<QuickReply>>(json, Options) ?? [];
}
