namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// A loan question the shipped content does not answer today: the bot refers it and logs it as unanswered, and staff
/// can teach it to «Vay vốn ưu đãi». The unanswered-loop tests and the browser walks share it, so when the content
/// grows to answer it (as it did for «Cách tính lãi khi trả nợ trước hạn?» with the early-repayment entry) one place
/// changes; <see cref="UnansweredLoopTests"/>' first test is the one that notices.
/// </summary>
internal static class UnknownLoanQuestion
{
    public const string Text = "Lãi suất cho vay tính theo ngày hay theo tháng?";

    /// <summary>How the console lists it: folded to plain letters.</summary>
    public const string Folded = "lai suat cho vay tinh theo ngay hay theo thang";

    /// <summary>Another resident's wording of the same question, which the console counts in the same group.</summary>
    public const string Variant = "lai suat cho vay tinh theo ngay hay theo thang a";
}
