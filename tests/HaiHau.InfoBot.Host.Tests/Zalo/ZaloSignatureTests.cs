using System.Text;
using HaiHau.InfoBot.Channels.Zalo;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>The signature formula against the test vector of channels.md §C.3 (computed from the official formula).</summary>
public sealed class ZaloSignatureTests
{
    private const string AppId = "1234567890123456789";
    private const string Secret = "TEST_OA_SECRET_KEY";
    private const string Timestamp = "1718000000000";
    private const string Expected = "3ee20e4eb622c3555ee9bffaa6f4350885779656bf1b60ed3e0bbaa202556bc4";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"app_id":"1234567890123456789","user_id_by_app":"552177279717587730","event_name":"user_send_text","timestamp":"1718000000000","sender":{"id":"246845883529197922"},"recipient":{"id":"388613280878808645"},"message":{"msg_id":"96d3cdf3af150460909","text":"Xin chào"}}""");

    [Fact]
    public void Computes_the_documented_test_vector()
    {
        Assert.Equal(267, Body.Length);
        Assert.Equal(Expected, ZaloSignature.Compute(AppId, Body, Timestamp, Secret));
    }

    [Theory]
    [InlineData("mac=" + Expected, SignatureCheck.ValidWithPrefix)]
    [InlineData(" mac=" + Expected + " ", SignatureCheck.ValidWithPrefix)]
    [InlineData(Expected, SignatureCheck.ValidBare)]
    [InlineData("mac=3EE20E4EB622C3555EE9BFFAA6F4350885779656BF1B60ED3E0BBAA202556BC4", SignatureCheck.ValidWithPrefix)]
    [InlineData("mac=3ee20e4eb622c3555ee9bffaa6f4350885779656bf1b60ed3e0bbaa202556bc5", SignatureCheck.Mismatch)]
    [InlineData("mac=3ee20e4e", SignatureCheck.Mismatch)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData(null, SignatureCheck.Missing)]
    public void Checks_the_header_with_or_without_mac(string? header, SignatureCheck expected) =>
        Assert.Equal(expected, ZaloSignature.Check(header, Expected));

    [Fact]
    public void Any_change_to_body_timestamp_or_secret_changes_the_signature()
    {
        var reserialised = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("Xin chào", "Xin ch\\u00e0o", StringComparison.Ordinal));

        Assert.NotEqual(Expected, ZaloSignature.Compute(AppId, reserialised, Timestamp, Secret));
        Assert.NotEqual(Expected, ZaloSignature.Compute(AppId, Body, "1718000000001", Secret));
        Assert.NotEqual(Expected, ZaloSignature.Compute(AppId, Body, Timestamp, "the-app-secret"));
    }
}
