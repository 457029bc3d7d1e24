using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Content.Listings;

/// <summary>One column of the import template: its Vietnamese header, whether a row must fill it, how long it may be.</summary>
public sealed record TemplateColumn(string Key, string Header, bool Required, int MaxLength = 200);

/// <summary>
/// The import templates (content/samples/README.md documents them for staff). Headers are matched without
/// diacritics or case, so «Ma tin» is «Mã tin»; columns not in the template are ignored.
/// </summary>
public static class ListingTemplate
{
    public static readonly IReadOnlyList<TemplateColumn> Jobs =
    [
        new("code", "Mã tin", true, 64),
        new("title", "Tiêu đề", true),
        new("provider", "Nơi tuyển dụng", true),
        new("commune", "Xã/thị trấn", false),
        new("place", "Địa điểm làm việc", false),
        new("pay", "Mức lương", false),
        new("deadline", "Hạn nộp hồ sơ", true),
        new("contact", "Liên hệ", true),
        new("source", "Nguồn", true),
        new("posted", "Ngày đăng", false),
        new("description", "Mô tả", false, 500),
    ];

    public static readonly IReadOnlyList<TemplateColumn> Courses =
    [
        new("code", "Mã khóa học", true, 64),
        new("title", "Tên khóa học", true),
        new("provider", "Cơ sở đào tạo", true),
        new("commune", "Xã/thị trấn", false),
        new("place", "Địa điểm học", false),
        new("pay", "Hỗ trợ", false),
        new("deadline", "Hạn đăng ký", true),
        new("starts", "Ngày khai giảng", false),
        new("contact", "Liên hệ", true),
        new("source", "Nguồn", true),
        new("posted", "Ngày đăng", false),
        new("description", "Mô tả", false, 500),
    ];

    public static IReadOnlyList<TemplateColumn> For(ListingKind kind) => kind == ListingKind.Job ? Jobs : Courses;

    public static string HeaderKey(string header) => VietnameseText.Fold(header);
}
