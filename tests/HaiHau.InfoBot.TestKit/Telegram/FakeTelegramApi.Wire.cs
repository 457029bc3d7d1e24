using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HaiHau.InfoBot.TestKit.Telegram;

/// <summary>The wire: parameters in (JSON, form or query string) and the ok/result/error_code/description envelope out.</summary>
public sealed partial class FakeTelegramApi
{
    private static async Task AnswerAsync(HttpContext context, FakeTelegramRequest request, JsonObject answer)
    {
        context.Response.StatusCode = request.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>JSON body, form body or query string, as the real API accepts all three.</summary>
    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasJsonContentType())
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }

        var parameters = new JsonObject();
        var pairs = request.HasFormContentType ? (await request.ReadFormAsync()).Select(p => (p.Key, p.Value.ToString())) : [];
        foreach (var (key, value) in request.Query.Select(q => (q.Key, q.Value.ToString())).Concat(pairs))
        {
            parameters[key] = value.StartsWith('[') || value.StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value);
        }

        return parameters;
    }

    private static int? IntParameter(JsonObject body, string name) => LongParameter(body, name) is { } value ? (int)value : null;

    private static long? LongParameter(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool Flag(JsonObject body, string name) => body[name] switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s == "true",
        _ => false,
    };

    private static JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "HaiHau InfoBot",
        ["username"] = BotUsername,
    };

    private static JsonObject Ok(JsonNode result, string? description = null)
    {
        var answer = new JsonObject { ["ok"] = true, ["result"] = result };
        if (description is not null)
        {
            answer["description"] = description;
        }

        return answer;
    }

    private static JsonObject Ok(bool result, string? description = null) => Ok(JsonValue.Create(result), description);

    private static (int, JsonObject) Bad(string description) => (400, Error(400, description));

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var answer = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            answer["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return answer;
    }
}
