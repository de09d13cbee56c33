using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.UnitTests.Common.Security;

public sealed class Pbkdf2PasswordHasherTests : PasswordHasherContractTests
{
    private readonly Pbkdf2PasswordHasher _hasher = new(iterations: 1_000);

    private protected override IPasswordHasher Hasher => _hasher;

    protected override string ExpectedPrefix => "pbkdf2-sha256$1000$";

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
