package io.glasslink.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void aProcessTreeCountsItsChildrenToo() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            long self = ProcessHandle.current().pid();
            Memory.Usage alone = Memory.of(List.of(child.pid()));
            Memory.Usage tree = Memory.of(List.of(self));
            assertThat(alone.processes()).isEqualTo(1);
            assertThat(tree.processes()).isGreaterThanOrEqualTo(2);
            assertThat(tree.rssKiB()).isGreaterThan(Memory.vmRssKiB(self) - 1).isGreaterThanOrEqualTo(alone.rssKiB());
            assertThat(tree.pssKiB()).isPositive().isLessThanOrEqualTo(tree.rssKiB());
        } finally {
            child.destroyForcibly();
        }
    }
}
