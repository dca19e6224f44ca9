package org.levelfield.support

import org.openqa.selenium.By

/**
 * A bidder sending a tender through the tender pages only, as a person would: from "Find a round" to the
 * receipt, answering every question, the equality evidence for each duty, the monitoring plan, the price
 * and the declarations. Returns the receipt page's text.
 */
class TenderByPages {

    static String send(Journey j, Browser browser, String roundTitle, String lotTitle, String price) {
        j.follow("Find a round")
        j.follow(roundTitle)
        j.follow("Prepare a tender for $lotTitle")
        String taskList = j.path()
        List<String> answers = browser.driver.findElements(By.xpath("//main//a[starts-with(normalize-space(.), 'Answer: ')]"))*.getAttribute("href")
        assert !answers.isEmpty(): "no question to answer on $taskList"
        answers.eachWithIndex { href, i ->
            j.open(new URI(href).path)
            j.type("answer", "Section ${i + 2}: our plan names the staff, the partners, the costs and quarterly targets for this question.")
            j.press("Save and continue")
        }
        j.open(taskList)
        j.follow("Equality evidence")
        ["RACE", "DISABILITY", "SEX"].each { duty ->
            j.pick("type-$duty-2")
            j.type("description-$duty", "Delivery plan for the ${duty.toLowerCase()} duty, section 4 of our tender")
        }
        j.press("Save and continue")
        j.follow("How you will monitor outcomes")
        (["characteristics"] + (2..8).collect { "characteristics-$it" }).each { j.pick(it) }
        j.pick("frequency-2")
        j.type("description", "Outcomes and access by characteristic every quarter, counts under 5 suppressed")
        j.pick("safeguards")
        j.press("Save and continue")
        j.follow("Price")
        j.type("price", price)
        j.pick("vatBasis-3")
        j.press("Save and continue")
        j.follow("Declarations")
        ["mandatoryExclusionGround-no", "discretionaryExclusionGround-no", "recurrenceLikely-no", "conflictOfInterest-no"].each { j.pick(it) }
        j.type("equalityLawFindings", "0")
        j.press("Save and continue")
        j.follow("Check your answers")
        j.press("Send tender")
        j.text()
    }
}
