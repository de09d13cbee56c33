using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.UnitTests.Common.Security;

public sealed class Pbkdf2PasswordHasherTests
{
    private readonly Pbkdf2PasswordHasher _hasher = new(iterations: 1_000);

    [Fact]
    public void Given_a_hash_When_verifying_the_same_password_Then_success()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Success, _hasher.Verify("correct horse battery staple", hash));
        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_hash_When_verifying_another_password_Then_failed()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("Correct horse battery staple", hash));
    }

    [Fact]
    public void Given_the_same_password_twice_When_hashing_Then_salts_differ()
    {
        Assert.NotEqual(_hasher.Hash("same password"), _hasher.Hash("same password"));
    }

    [Fact]
    public void Given_a_hash_with_fewer_iterations_When_verified_by_a_stronger_hasher_Then_a_rehash_is_asked()
    {
        var weak = new Pbkdf2PasswordHasher(iterations: 500).Hash("password-1234");

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, _hasher.Verify("password-1234", weak));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$abc$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not-base64$aGFzaA==")]
    [InlineData("bcrypt$10$c2FsdA==$aGFzaA==")]
    public void Given_a_malformed_hash_When_verifying_Then_failed_not_thrown(string hash)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("anything", hash));
    }

    [Fact]
    public void Given_the_default_hasher_Then_it_uses_the_owasp_iteration_count()
    {
        Assert.Equal(600_000, Pbkdf2PasswordHasher.DefaultIterations);
    }
}
