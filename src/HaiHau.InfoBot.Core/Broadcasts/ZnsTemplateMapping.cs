using System.Globalization;

namespace HaiHau.InfoBot.Core.Broadcasts;

/// <summary>
/// The announcement fields a ZNS template's parameter can be filled from (issue 18). Officers map every parameter of
/// a Zalo-approved template once, on the console; the names are stored as these strings.
/// </summary>
public static class ZnsFields
{
    /// <summary>The announcement's text.</summary>
    public const string Text = "text";

    /// <summary>Its first line (as a promotion message's header).</summary>
    public const string Title = "title";

    /// <summary>The link sent with it (an announcement without one cannot go by a template that needs it).</summary>
    public const string Link = "link";

    /// <summary>The day it is sent, Vietnam's way (2/12/2026).</summary>
    public const string Date = "date";

    /// <summary>Words the officer wrote once for this parameter (e.g. «UBND xã Hải Thịnh»).</summary>
    public const string Fixed = "fixed";

    public static readonly IReadOnlyList<string> All = [Text, Title, Link, Date, Fixed];

    public static bool IsKnown(string? field) => field is not null && All.Contains(field, StringComparer.Ordinal);

    /// <summary>The Vietnamese label officers choose from.</summary>
    public static string Label(string field) => field switch
    {
        Text => "Nội dung thông báo",
        Title => "Dòng đầu của thông báo",
        Link => "Đường dẫn kèm thông báo",
        Date => "Ngày gửi (ví dụ 2/12/2026)",
        Fixed => "Chữ cố định (ghi ở ô bên cạnh)",
        _ => field,
    };
}

/// <summary>One parameter of a ZNS template, as Zalo names it, and what fills it (null: not mapped yet).</summary>
public sealed record ZnsParameterMapping(string Name, string? Field, string? FixedText = null, int? MaxLength = null)
{
    public bool Mapped => ZnsFields.IsKnown(Field) && (Field != ZnsFields.Fixed || !string.IsNullOrWhiteSpace(FixedText));
}

/// <summary>A ZNS template officers added, with its parameters' mapping.</summary>
public sealed record ZnsTemplateMapping(string TemplateId, IReadOnlyList<ZnsParameterMapping> Parameters)
{
    /// <summary>The longest value of a parameter whose length Zalo did not say (ZNS parameters are short).</summary>
    public const int DefaultMaxLength = 400;

    /// <summary>
    /// Offered for announcements only when every parameter is mapped: Zalo refuses a send missing one (-201), and a
    /// template without parameters cannot carry an announcement.
    /// </summary>
    public bool Usable => Parameters.Count > 0 && Parameters.All(p => p.Mapped);

    /// <summary>The parameters still to map.</summary>
    public IReadOnlyList<string> Unmapped => Parameters.Where(p => !p.Mapped).Select(p => p.Name).ToList();

    /// <summary>True when a parameter takes the announcement's link (an announcement without one cannot use it).</summary>
    public bool NeedsLink => Parameters.Any(p => p.Field == ZnsFields.Link);

    /// <summary>
    /// template_data for one send: every parameter filled from the announcement as mapped, cut to its length. Null
    /// when the template is not usable or the announcement lacks what it needs (Zalo would refuse it).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Data(string text, string? link, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!Usable || (NeedsLink && string.IsNullOrWhiteSpace(link)))
        {
            return null;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            var value = parameter.Field switch
            {
                ZnsFields.Text => text.Trim(),
                ZnsFields.Title => text.Trim().Split('\n', 2)[0].Trim(),
                ZnsFields.Link => link!.Trim(),
                ZnsFields.Date => TimeZoneInfo.ConvertTime(now, zone).ToString("d/M/yyyy", CultureInfo.InvariantCulture),
                _ => parameter.FixedText!.Trim(),
            };
            var max = parameter.MaxLength is { } m && m > 1 ? m : DefaultMaxLength;
            data[parameter.Name] = value.Length <= max ? value : value[..(max - 1)] + "…";
        }

        return data;
    }
}

/// <summary>An announcement's ZNS template, with the text and link that fill it.</summary>
public sealed record ZnsBroadcastTemplate(ZnsTemplateMapping Template, string Text, string? Link)
{
    /// <summary>Every parameter can be filled (a template that takes the link needs an announcement with one).</summary>
    public bool Sendable => Template.Usable && (!Template.NeedsLink || !string.IsNullOrWhiteSpace(Link));
}
