using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Storage.Register;

namespace HaiHau.InfoBot.Host.Register;

/// <summary>An import's outcome in Vietnamese, the same words on the page and in the terminal.</summary>
public static class ImportReportText
{
    public static string Summary(ImportReport report, int year) =>
        $"Năm {year}: thêm {VietnameseFormat.Number(report.Inserted)} hộ, sửa {VietnameseFormat.Number(report.Updated)} hộ, "
        + $"giữ nguyên {VietnameseFormat.Number(report.Unchanged)} hộ, từ chối {VietnameseFormat.Number(report.Rejected.Count)} dòng.";

    public static string Row(RejectedRow row) => row.Code is null ? $"Dòng {row.Number}: {row.Reason}" : $"Dòng {row.Number} ({row.Code}): {row.Reason}";

    public const string NotApplied =
        "Tệp có dòng bị từ chối nên chưa nhập dòng nào. Bác sửa các dòng trên rồi nhập lại, hoặc chọn nhập các dòng hợp lệ.";
}
