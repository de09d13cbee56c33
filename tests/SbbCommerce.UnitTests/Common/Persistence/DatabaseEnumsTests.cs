using System.Text.RegularExpressions;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed partial class DatabaseEnumsTests
{
    [Fact]
    public void Given_the_mapped_enums_Then_each_is_an_enum_mapped_once_to_the_snake_case_of_its_name()
    {
        Assert.All(DatabaseEnums.All, mapping =>
        {
            Assert.True(mapping.ClrType.IsEnum);
            Assert.Equal(UpperLetter().Replace(mapping.ClrType.Name, "_$0").TrimStart('_').ToLowerInvariant(), mapping.PgName);
        });
        Assert.Equal(DatabaseEnums.All.Count, DatabaseEnums.All.Select(mapping => mapping.ClrType).Distinct().Count());
    }

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperLetter();
}
