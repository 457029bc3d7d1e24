using System.Net.Http.Json;
using System.Text.Json;

namespace HaiHau.InfoBot.Host.Tests.WebChat;

/// <summary>Talks to the web chat API as the page does.</summary>
public sealed class WebChatClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = http;

    public async Task<Reply> StartAsync()
    {
        var response = await Http.PostAsync(new Uri("/api/webchat/conversations", UriKind.Relative), JsonContent.Create(new { }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reply>(Json))!;
    }

    public async Task<Reply> SendAsync(string conversationId, string? text = null, string? choice = null, string? clientMessageId = null)
    {
        var response = await PostRawAsync(new { conversationId, clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text, choice });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reply>(Json))!;
    }

    public Task<HttpResponseMessage> PostRawAsync(object body) =>
        Http.PostAsync(new Uri("/api/webchat/messages", UriKind.Relative), JsonContent.Create(body));

    public async Task<Reply> HistoryAsync(string conversationId, long after = 0)
    {
        var response = await Http.GetAsync(new Uri($"/api/webchat/conversations/{conversationId}/messages?after={after}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Reply>(Json))!;
    }

    public sealed record Reply(string ConversationId, IReadOnlyList<Message> Replies)
    {
        public string AllText => string.Join("\n---\n", Replies.Select(r => r.Text));

        public IReadOnlyList<string> ChoiceIds => Replies.Count == 0 ? [] : Replies[^1].Choices.Select(c => c.Id).ToList();
    }

    public sealed record Message(long Id, string Text, IReadOnlyList<Choice> Choices, string? Said = null);

    public sealed record Choice(string Id, string Label);
}
