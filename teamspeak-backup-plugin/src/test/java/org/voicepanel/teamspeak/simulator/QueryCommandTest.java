package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryCommandTest {

    @Test
    void findsOptionsBeforeBetweenAndAfterParameters() {
        QueryCommand command = QueryCommand.parse("use -virtual port=9987");
        assertThat(command.name()).isEqualTo("use");
        assertThat(command.hasOption("virtual")).isTrue();
        assertThat(command.parameter("port")).isEqualTo("9987");

        QueryCommand trailing = QueryCommand.parse("serverlist -uid -all");
        assertThat(trailing.options()).containsExactly("uid", "all");
    }

    @Test
    void toleratesRepeatedAndTrailingSpaces() {
        QueryCommand command =
                QueryCommand.parse("  serveredit   virtualserver_name=A\\sB    virtualserver_maxclients=5  ");
        assertThat(command.name()).isEqualTo("serveredit");
        assertThat(command.parameter("virtualserver_name")).isEqualTo("A B");
        assertThat(command.parameter("virtualserver_maxclients")).isEqualTo("5");
    }

    @Test
    void keepsBareWordsWholeEvenWhenTheyContainEquals() {
        QueryCommand command = QueryCommand.parse("login serveradmin pa\\sss\\/\\p=x");
        assertThat(command.words()).containsExactly("serveradmin", "pa ss/|=x");
    }

    @Test
    void splitsRecordsAtBarsAndKeepsTheRawArgumentText() {
        QueryCommand command = QueryCommand.parse("serversnapshotdeploy -mapping version=2|KLUv\\/WQ==");
        assertThat(command.records()).hasSize(2);
        assertThat(command.parameter("version")).isEqualTo("2");
        assertThat(command.arguments()).isEqualTo("-mapping version=2|KLUv\\/WQ==");
    }
}
