using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// InfoBot:Answerer, the optional grounded answer composer (issue 17). Off while <see cref="Endpoint"/> is empty:
/// then nothing is registered and nothing is ever sent anywhere.
/// </summary>
public sealed class AnswererOptions
{
    public const string Section = "InfoBot:Answerer";

    /// <summary>Base URL of an OpenAI-compatible API ("http://127.0.0.1:11434/v1" for Ollama); empty: off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model's name at the endpoint ("qwen2.5:7b-instruct").</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>
    /// Who runs the model service, as residents are told in the greeting ("Trung tâm Chuyển đổi số tỉnh Ninh Bình");
    /// empty: the greeting still says a question may go to a language model service, without naming anyone.
    /// </summary>
    [MaxLength(120)]
    public string? OperatorName { get; set; }

    /// <summary>A secret: set it by environment variable or user secrets, never in a file in the repository.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long the retrieval answer is held for a composed one. After it the retrieval answer goes out as it would
    /// have without the answerer, and a composed answer that comes later is dropped.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Model calls allowed per minute; a question over the budget gets the retrieval answer at once.</summary>
    [Range(1, 10_000)]
    public int MaxPerMinute { get; set; } = 30;

    /// <summary>Ask the endpoint to stream its reply (some servers answer faster that way); the text is the same.</summary>
    public bool Stream { get; set; }

    /// <summary>Calls to the model at the same time; others wait their turn (within their own timeout).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>The first retry's wait after a 429 or 5xx without Retry-After; the second waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
