using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Host.Setup;

/// <summary>Where the bot's data lives. Bound from "InfoBot".</summary>
public sealed class InfoBotOptions
{
    public const string Section = "InfoBot";

    /// <summary>The dialogs folder; relative paths are tried against the working directory, then next to the binaries.</summary>
    [Required]
    public string DialogsPath { get; set; } = "dialogs";

    [Required]
    public string ContentPath { get; set; } = "content";

    /// <summary>
    /// Where the trained classifier is kept between runs, named by what it was trained on (relative to the working
    /// directory, like the database): a restart on unchanged content reads it instead of training. Empty: always train.
    /// </summary>
    public string ModelCachePath { get; set; } = "data/model-cache";

    /// <summary>
    /// The understanding the build prepared from the content it shipped (the prepare-understanding verb; relative to
    /// the binaries), read when the model cache has none: a new install does not train. Used only with a model cache.
    /// </summary>
    public string PreparedUnderstandingPath { get; set; } = "prepared-understanding";

    /// <summary>
    /// Once warm, compact the whole process's heap and give the free memory back (<see cref="StartUpMemory"/>). Off
    /// where the process hosts more than this bot: the test runner starts hundreds of in-process hosts, and each
    /// compacted every other host's heap with it (11 % of the Host tests' CPU, measured 5 Dec).
    /// </summary>
    public bool CompactAfterStart { get; set; } = true;
}

/// <summary>Conversation limits. Bound from "InfoBot:Conversations".</summary>
public sealed class ConversationOptions
{
    public const string Section = "InfoBot:Conversations";

    /// <summary>A conversation idle longer than this starts fresh (default 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longer messages get a polite refusal (they are still stored).</summary>
    [Range(100, 20000)]
    public int MaxTextLength { get; set; } = 2000;
}

/// <summary>The web chat's API. Bound from "InfoBot:WebChat".</summary>
public sealed class WebChatOptions
{
    public const string Section = "InfoBot:WebChat";

    /// <summary>Sites allowed to call the API from their own pages (CORS), e.g. the district portal. Empty: same origin only.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Request bodies above this size are refused with 413.</summary>
    [Range(1024, 1_048_576)]
    public int MaxRequestBytes { get; set; } = 32 * 1024;
}

/// <summary>Job and course listings. Bound from "InfoBot:Listings".</summary>
public sealed class ListingOptions
{
    public const string Section = "InfoBot:Listings";

    /// <summary>How often the bot reloads listings imported by the command line while it runs (default 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
