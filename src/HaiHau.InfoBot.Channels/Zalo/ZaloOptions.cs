using System.ComponentModel.DataAnnotations;

namespace HaiHau.InfoBot.Channels.Zalo;

/// <summary>
/// The district's Zalo Official Account. Bound from "InfoBot:Zalo"; the channel is off while none of the ids and
/// secrets is set. Secrets come from environment variables or user-secrets, never from a committed file.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "InfoBot:Zalo";

    /// <summary>The Zalo app's id (developers.zalo.me): part of every webhook signature and of the token refresh.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The app's secret key: sent as the secret_key header when the tokens are refreshed.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The OA secret key from the app's Webhook page (not the app secret): signs every webhook call.</summary>
    public string OaSecretKey { get; set; } = string.Empty;

    /// <summary>The first access token. Only seeds the database; may be empty (the first send then refreshes).</summary>
    public string AccessToken { get; set; } = string.Empty;

    /// <summary>The first refresh token. Only seeds the database; a different value here later means "start over with these".</summary>
    public string RefreshToken { get; set; } = string.Empty;

    public string OpenApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>
    /// Webhook calls whose timestamp is older than this are refused as replays. Zalo retries a call it could not
    /// deliver after 30 s, 5, 15, 30 and 60 min with the same body, so the window must cover about two hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>After an officer answers by hand in the OA chat tool, the bot keeps quiet in that chat this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan HumanTakeoverDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The access token (about 25 hours) is refreshed once less than this remains.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "20:00:00")]
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A picture (an https URL, e.g. the district's logo) on the card that asks residents to share their phone number
    /// (request_user_info). Optional: left out of the message when empty.
    /// </summary>
    public string UserInfoImageUrl { get; set; } = string.Empty;

    /// <summary>True when any id or secret is set: then the channel is on, and <see cref="Missing"/> must be empty.</summary>
    public bool IsConfigured() =>
        new[] { AppId, AppSecret, OaSecretKey, AccessToken, RefreshToken }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The settings the channel cannot run without (the access token can be had by refreshing).</summary>
    public IReadOnlyList<string> Missing() =>
        new (string Name, string Value)[]
        {
            (nameof(AppId), AppId), (nameof(AppSecret), AppSecret), (nameof(OaSecretKey), OaSecretKey),
            (nameof(RefreshToken), RefreshToken), (nameof(OpenApiBaseUrl), OpenApiBaseUrl), (nameof(OAuthBaseUrl), OAuthBaseUrl),
        }.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{Section}:{s.Name}").ToList();
}
