using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.UnitTests.Payments.Proofs;

public sealed class ProofFilesTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45 }, null)]
    [InlineData(new byte[] { }, null)]
    public void Given_the_first_bytes_of_a_file_When_sniffed_Then_only_png_jpeg_webp_and_pdf_are_recognised(byte[] head, string? expected)
    {
        Assert.Equal(expected, ProofFiles.Sniff(head));
    }
}
