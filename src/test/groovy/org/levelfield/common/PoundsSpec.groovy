package org.levelfield.common

import org.levelfield.common.web.pages.Money
import org.levelfield.rules.facts.Format

import spock.lang.Specification

import java.text.DecimalFormat
import java.text.DecimalFormatSymbols

/**
 * Pounds.format writes every sum of money: in the rules' messages (Format.pounds, several times for every self-check,
 * issue 15, part 10), on the pages and in the documents (Money.format). It no longer builds a DecimalFormat each time,
 * and must read exactly as that did.
 */
class PoundsSpec extends Specification {

    def "amounts read as people write them, the same in the rules' messages and on the pages"() {
        expect:
        Pounds.format(pence) == written
        Format.pounds(pence) == written
        Money.format(pence) == written

        where:
        pence                  || written
        0                      || '£0'
        5                      || '£0.05'
        99                     || '£0.99'
        100                    || '£1'
        123456                 || '£1,234.56'
        100000000              || '£1,000,000'
        123456789              || '£1,234,567.89'
        -150                   || '£-1.50'
        -100000                || '£-1,000'
        Long.MAX_VALUE         || '£92,233,720,368,547,758.07'
        Long.MIN_VALUE         || '£-92,233,720,368,547,758.08'
    }

    def "every amount reads as a DecimalFormat wrote it"() {
        given:
        def random = new Random(20261205)
        def amounts = (0..<20_000).collect { i ->
            switch (i % 4) {
                case 0: return (long) random.nextInt(1_000_000)
                case 1: return random.nextLong() % 10_000_000_000L
                case 2: return (long) (random.nextInt(100_000) * 100)
                default: return random.nextLong()
            }
        } + (-1000L..1000L).toList()

        expect:
        amounts.findAll { Pounds.format(it) != decimalFormat(it) }.isEmpty()
    }

    private static String decimalFormat(long pence) {
        def format = new DecimalFormat(pence % 100 == 0 ? '#,##0' : '#,##0.00', DecimalFormatSymbols.getInstance(Locale.UK))
        '£' + format.format(BigDecimal.valueOf(pence, 2))
    }
}
