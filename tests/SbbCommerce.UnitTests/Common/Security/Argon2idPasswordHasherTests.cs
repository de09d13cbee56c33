using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.UnitTests.Common.Security;

public sealed class Argon2idPasswordHasherTests : PasswordHasherContractTests
{
    private readonly Argon2idPasswordHasher _hasher = new(iterations: 1, memoryKiB: 64);

    private protected override IPasswordHasher Hasher => _hasher;

    protected override string ExpectedPrefix => "$argon2id$v=19$m=64,t=1,p=1$";

    [Fact]
    public void Given_a_non_ascii_password_When_verifying_Then_its_utf8_bytes_are_what_counts()
    {
        var hash = _hasher.Hash("pässwörd-Ω-密码");

        Assert.Equal(PasswordVerification.Success, _hasher.Verify("pässwörd-Ω-密码", hash));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("passwörd-Ω-密码", hash));
    }

    [Theory]
    [InlineData(1, 32)]
    [InlineData(2, 64)]
    public void Given_a_hash_with_weaker_settings_When_verified_Then_a_rehash_is_asked(int iterations, int memoryKiB)
    {
        var weaker = new Argon2idPasswordHasher(iterations, memoryKiB).Hash("password-1234");
        var stronger = new Argon2idPasswordHasher(iterations: 2, memoryKiB: 128);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, stronger.Verify("password-1234", weaker));
    }

    [Fact]
    public void Given_a_pbkdf2_hash_from_before_When_verified_Then_success_asks_for_a_rehash_and_a_wrong_password_fails()
    {
        var legacy = new Pbkdf2PasswordHasher(iterations: 1_000).Hash("password-1234");

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("password-1234", legacy));
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("password-12345", legacy));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$bm90LWEtc2FsdA$bm90LWEtaGFzaA")]
    [InlineData("$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")]
    [InlineData("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")]
    public void Given_a_malformed_hash_When_verifying_Then_failed_not_thrown(string hash)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("anything", hash));
    }

    [Fact]
    public void Given_the_defaults_Then_they_are_owasp_minimum_for_argon2id()
    {
        Assert.Equal(2, Argon2idPasswordHasher.DefaultIterations);
        Assert.Equal(19_456, Argon2idPasswordHasher.DefaultMemoryKiB);
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", new Argon2idPasswordHasher().Hash("x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_settings_below_libsodiums_minimum_When_constructing_Then_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Argon2idPasswordHasher(iterations: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Argon2idPasswordHasher(memoryKiB: 4));
    }
}
